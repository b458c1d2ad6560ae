import { Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { isBusinessDay, shanghaiBusinessDay } from "../../../../lib/business-day"
import { describeError } from "../../../../lib/rights-api"
import { useRunSettlement } from "../../../../lib/settlements-api"
import { Field } from "../../merchants/components/field"

/** Runs (or safely reruns) the T+1 settlement of one business day by hand. */
export const RunSettlementDrawer = ({ onDone }: { onDone?: (businessDate: string) => void }) => {
  const [open, setOpen] = useState(false)
  const [day, setDay] = useState(() => shanghaiBusinessDay(1))
  const [error, setError] = useState<string | null>(null)
  const run = useRunSettlement()

  const submit = async () => {
    if (!isBusinessDay(day)) {
      setError("Pick a business day (YYYY-MM-DD).")
      return
    }
    if (day > shanghaiBusinessDay(0)) {
      setError("That day has not started yet in Shanghai.")
      return
    }
    setError(null)
    try {
      const result = await run.mutateAsync(day)
      toast.success(`Settled ${result.business_date}: ${result.batch_count} batch${result.batch_count === 1 ? "" : "es"}`)
      setOpen(false)
      onDone?.(result.business_date)
    } catch (e) {
      setError(describeError(e))
    }
  }

  return (
    <Drawer open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="run-settlement">
          Run settlement
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Run settlement 執行結算</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small" className="text-ui-fg-subtle">
            Closes the business day and makes one batch per merchant from its redemptions, reversals, breakage and deliveries.
            The nightly job does this at 01:30 for yesterday; running a day again changes nothing. Anything posted for a day
            after it is closed settles on the next open day.
          </Text>
          <Field label="Business day 營業日 (Asia/Shanghai)" htmlFor="run-settlement-date" error={error}>
            <Input
              id="run-settlement-date"
              type="date"
              value={day}
              max={shanghaiBusinessDay(0)}
              onChange={(e) => setDay(e.target.value)}
              data-testid="run-settlement-date"
            />
          </Field>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={run.isPending} data-testid="run-settlement-submit">
            Run for {isBusinessDay(day) ? day : "…"}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
