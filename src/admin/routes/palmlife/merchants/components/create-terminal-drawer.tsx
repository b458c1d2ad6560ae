import { Button, Drawer, Input, Select, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, type IssuedTerminal, type MerchantStore, useCreateTerminal } from "../../../../lib/merchants-api"
import { Field } from "./field"

/** Picks the store and a name; the answer (with the credentials) goes to onIssued, which shows it once. */
export const CreateTerminalDrawer = ({ merchantId, stores, storeId, open, onOpenChange, onIssued }: {
  merchantId: string
  stores: MerchantStore[]
  storeId?: string
  open: boolean
  onOpenChange: (open: boolean) => void
  onIssued: (issued: IssuedTerminal) => void
}) => {
  const activeStores = stores.filter((s) => s.status === "active")
  const [store, setStore] = useState("")
  const [name, setName] = useState("")
  const [submitted, setSubmitted] = useState(false)
  const create = useCreateTerminal(merchantId)

  useEffect(() => {
    if (open) {
      setStore(storeId ?? activeStores[0]?.id ?? "")
      setName("")
      setSubmitted(false)
    }
    // defaults are set when the drawer opens, not each time the store list refetches
  }, [open, storeId])

  const errors = { store: !store ? "Pick the store this terminal stands in" : null, name: !name.trim() ? "Name is required" : null }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (errors.store || errors.name) return
    try {
      const issued = await create.mutateAsync({ storeId: store, name: name.trim() })
      onOpenChange(false)
      onIssued(issued)
    } catch (error) {
      toast.error(errorMessage(error))
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Create terminal 新增終端</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">
            <Field label="Store 門店" htmlFor="terminal-store" error={submitted ? errors.store : null}
              hint={activeStores.length < stores.length ? "Closed stores are not listed." : undefined}>
              <Select value={store} onValueChange={setStore}>
                <Select.Trigger id="terminal-store">
                  <Select.Value placeholder="Select a store" />
                </Select.Trigger>
                <Select.Content>
                  {activeStores.map((s) => (
                    <Select.Item key={s.id} value={s.id}>
                      {s.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
            <Field label="Name 名稱" htmlFor="terminal-name" error={submitted ? errors.name : null}
              hint="What staff call this device, e.g. Front desk till 1 前台收銀 1.">
              <Input id="terminal-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Front desk till 1" autoComplete="off" />
            </Field>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={create.isPending} disabled={!activeStores.length}>
              Create
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
