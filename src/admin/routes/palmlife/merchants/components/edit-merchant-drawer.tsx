import { Button, Drawer, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, type Merchant, useUpdateMerchant } from "../../../../lib/merchants-api"
import { emptyMerchantForm, MerchantFormFields, merchantFormToInput, validateMerchantForm } from "./merchant-form"

export const EditMerchantDrawer = ({ merchant, open, onOpenChange }: { merchant: Merchant; open: boolean; onOpenChange: (open: boolean) => void }) => {
  const [values, setValues] = useState(emptyMerchantForm(merchant))
  const [submitted, setSubmitted] = useState(false)
  const update = useUpdateMerchant(merchant.id)
  const prompt = usePrompt()
  const errors = submitted ? validateMerchantForm(values) : {}

  useEffect(() => {
    if (open) {
      setValues(emptyMerchantForm(merchant))
      setSubmitted(false)
    }
  }, [open, merchant])

  const save = async (input: Parameters<typeof update.mutateAsync>[0], message: string) => {
    try {
      await update.mutateAsync(input)
      toast.success(message)
      onOpenChange(false)
    } catch (error) {
      toast.error(errorMessage(error))
    }
  }

  const removeAccount = async () => {
    const ok = await prompt({
      title: "Remove the settlement account?",
      description: `${merchant.settlement_account_masked} is deleted; ${merchant.name} cannot be paid out until a new account is entered.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (ok) save({ settlement_account: null }, "Settlement account removed")
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (Object.keys(validateMerchantForm(values)).length) return
    save(merchantFormToInput(values), "Merchant updated")
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Edit merchant 編輯商戶</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <MerchantFormFields values={values} onChange={setValues} errors={errors} maskedAccount={merchant.settlement_account_masked} />
            {merchant.settlement_account_masked && (
              <div>
                <Button size="small" variant="secondary" type="button" onClick={removeAccount}>
                  Remove settlement account
                </Button>
              </div>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={update.isPending}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
