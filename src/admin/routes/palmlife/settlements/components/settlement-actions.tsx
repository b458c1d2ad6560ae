import { Button, Drawer, Input, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { describeError } from "../../../../lib/rights-api"
import { formatYuan } from "../../../../lib/settlement-money"
import { type Settlement, useSettlementTransition } from "../../../../lib/settlements-api"
import { Field } from "../../merchants/components/field"

const label = (s: Settlement) => `${s.merchant_name ?? s.merchant_id} · ${s.business_date}`

/** Approve / pay / fail a batch, each behind a confirmation; the server decides what the state allows. */
export const SettlementActions = ({ settlement }: { settlement: Settlement }) => {
  const transition = useSettlementTransition(settlement.id)
  const prompt = usePrompt()
  const [dialog, setDialog] = useState<"pay" | "fail" | null>(null)
  const [reference, setReference] = useState("")
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const { status } = settlement

  const open = (which: "pay" | "fail") => {
    setReference("")
    setReason("")
    setError(null)
    setDialog(which)
  }

  const approve = async () => {
    const ok = await prompt({
      title: `Approve ${label(settlement)}?`,
      description: `${settlement.line_count} line${settlement.line_count === 1 ? "" : "s"}, net ${formatYuan(settlement.net_amount)} to pay. Once approved it goes into the day's payout file.`,
      confirmText: "Approve",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!ok) return
    try {
      await transition.mutateAsync({ action: "approve" })
      toast.success(`Approved ${label(settlement)}`)
    } catch (e) {
      toast.error(describeError(e))
    }
  }

  const pay = async () => {
    const ref = reference.trim()
    if (ref.length > 100) {
      setError("At most 100 characters.")
      return
    }
    try {
      await transition.mutateAsync({ action: "pay", reference: ref || undefined })
      toast.success(`Marked paid: ${label(settlement)}`)
      setDialog(null)
    } catch (e) {
      setError(describeError(e))
    }
  }

  const fail = async () => {
    const why = reason.trim()
    if (why.length < 3) {
      setError("Say why (at least 3 characters), so the next person can fix it.")
      return
    }
    try {
      await transition.mutateAsync({ action: "fail", reason: why })
      toast.success(`Marked failed: ${label(settlement)}`)
      setDialog(null)
    } catch (e) {
      setError(describeError(e))
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "calculated" && (
        <Button size="small" onClick={approve} isLoading={transition.isPending && dialog === null} data-testid="settlement-approve">
          Approve 審批
        </Button>
      )}
      {status === "approved" && (
        <Button size="small" onClick={() => open("pay")} data-testid="settlement-pay">
          Mark paid 付款
        </Button>
      )}
      {(status === "calculated" || status === "approved") && (
        <Button size="small" variant="secondary" onClick={() => open("fail")} data-testid="settlement-fail">
          Mark failed
        </Button>
      )}

      <Drawer open={dialog !== null} onOpenChange={(o) => !o && setDialog(null)}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>{dialog === "pay" ? "Mark as paid 確認付款" : "Mark as failed 標記失敗"}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4">
            <Text size="small" className="text-ui-fg-subtle">
              {label(settlement)} · net {formatYuan(settlement.net_amount)}
            </Text>
            {dialog === "pay" ? (
              <>
                <Text size="small">
                  Record that the bank transfer went out. This posts the payout to the ledger (merchant payable → bank) and
                  cannot be undone.
                </Text>
                <Field label="Payout reference 付款流水號" htmlFor="payout-reference" optional error={error} hint="The bank's transfer reference, to find the payment later.">
                  <Input id="payout-reference" value={reference} onChange={(e) => setReference(e.target.value)} data-testid="payout-reference" />
                </Field>
              </>
            ) : (
              <>
                <Text size="small">The batch leaves the payout process. Nothing is posted; the merchant is still owed the amount.</Text>
                <Field label="Reason 原因" htmlFor="failure-reason" error={error}>
                  <Textarea id="failure-reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="failure-reason" />
                </Field>
              </>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary">
                Cancel
              </Button>
            </Drawer.Close>
            {dialog === "pay" ? (
              <Button size="small" onClick={pay} isLoading={transition.isPending} data-testid="payout-confirm">
                Mark paid
              </Button>
            ) : (
              <Button size="small" variant="danger" onClick={fail} isLoading={transition.isPending} data-testid="failure-confirm">
                Mark failed
              </Button>
            )}
          </Drawer.Footer>
        </Drawer.Content>
      </Drawer>
    </div>
  )
}
