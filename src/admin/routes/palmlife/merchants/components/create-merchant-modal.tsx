import { Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { errorMessage, useCreateMerchant } from "../../../../lib/merchants-api"
import { emptyMerchantForm, MerchantFormFields, merchantFormToInput, validateMerchantForm } from "./merchant-form"

export const CreateMerchantModal = () => {
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState(emptyMerchantForm())
  const [submitted, setSubmitted] = useState(false)
  const create = useCreateMerchant()
  const navigate = useNavigate()
  const errors = submitted ? validateMerchantForm(values) : {}

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (!next) {
      setValues(emptyMerchantForm())
      setSubmitted(false)
      create.reset()
    }
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (Object.keys(validateMerchantForm(values)).length) return
    try {
      const { merchant } = await create.mutateAsync(merchantFormToInput(values))
      toast.success(`Merchant ${merchant.name} created`)
      onOpenChange(false)
      navigate(`/palmlife/merchants/${merchant.id}`)
    } catch (error) {
      toast.error(errorMessage(error))
    }
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary">
          Create
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header>
            <FocusModal.Title className="sr-only">Create merchant</FocusModal.Title>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-4">
              <div>
                <Heading>Create merchant 新增商戶</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  A merchant sells vouchers on PalmLife and verifies them at its stores&apos; terminals. Add stores and terminals next.
                </Text>
              </div>
              <MerchantFormFields values={values} onChange={setValues} errors={errors} />
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={create.isPending}>
                Save
              </Button>
            </div>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
