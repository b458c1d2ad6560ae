import { Alert, Button, Drawer, InlineTip, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { benefitFormToUpdate, benefitFormValues, describeValue, validateBenefitForm } from "../../../../lib/benefit-program-form"
import { type BenefitProgram, describeError, useUpdateBenefitProgram } from "../../../../lib/rights-api"
import { BenefitFormFields } from "./benefit-form-fields"

export const EditBenefitDrawer = ({ program, open, onOpenChange }: { program: BenefitProgram; open: boolean; onOpenChange: (open: boolean) => void }) => {
  const [values, setValues] = useState(benefitFormValues(program))
  const [submitted, setSubmitted] = useState(false)
  const update = useUpdateBenefitProgram(program.id)
  const errors = submitted ? validateBenefitForm(values, "edit") : {}

  useEffect(() => {
    if (open) {
      setValues(benefitFormValues(program))
      setSubmitted(false)
      update.reset()
    }
    // reset on opening only, not on every refetch of the program while typing
  }, [open])

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (Object.keys(validateBenefitForm(values, "edit")).length) return
    try {
      await update.mutateAsync(benefitFormToUpdate(values, program))
      toast.success("Benefit program updated")
      onOpenChange(false)
    } catch {
      // shown in the drawer with the server's code
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid="edit-benefit-form" noValidate>
          <Drawer.Header>
            <Drawer.Title>Edit benefit program 編輯權益</Drawer.Title>
            <Drawer.Description className="sr-only">Name, quota, days, dates and status of {program.name}</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <InlineTip label="Fixed">
              {describeValue(program)} for its group, scope and funder cannot change: orders already point at it. To give something else,
              create a new program and pause this one.
            </InlineTip>
            <BenefitFormFields values={values} onChange={setValues} errors={errors} mode="edit" />
            {update.isError && <Alert variant="error">Not saved: {describeError(update.error)}</Alert>}
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
