import { Alert, Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { benefitFormToCreate, benefitFormValues, validateBenefitForm } from "../../../../lib/benefit-program-form"
import { describeError, useCreateBenefitProgram } from "../../../../lib/rights-api"
import { BenefitFormFields } from "./benefit-form-fields"

export const CreateBenefitModal = () => {
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState(benefitFormValues())
  const [submitted, setSubmitted] = useState(false)
  const create = useCreateBenefitProgram()
  const navigate = useNavigate()
  const errors = submitted ? validateBenefitForm(values, "create") : {}

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (!next) {
      setValues(benefitFormValues())
      setSubmitted(false)
      create.reset()
    }
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (Object.keys(validateBenefitForm(values, "create")).length) return
    try {
      const { benefit_program } = await create.mutateAsync(benefitFormToCreate(values))
      toast.success(`Benefit program ${benefit_program.name} created`)
      onOpenChange(false)
      navigate(`/palmlife/benefits/${benefit_program.id}`)
    } catch {
      // shown above the footer with the server's code
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
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" data-testid="create-benefit-form" noValidate>
          <FocusModal.Header>
            <FocusModal.Title className="sr-only">Create benefit program</FocusModal.Title>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-4">
              <div>
                <Heading>Create benefit program 新增權益</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  A member benefit for one customer group: a price or discount on a scene, category or product, a number of uses per
                  period, and who pays for it. What it gives cannot change later; name, quota, days, dates and status can.
                </Text>
              </div>
              <BenefitFormFields values={values} onChange={setValues} errors={errors} mode="create" />
              {create.isError && (
                <Alert variant="error" data-testid="create-benefit-error">
                  Not created: {describeError(create.error)}
                </Alert>
              )}
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
