import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, type MerchantStore, useDeleteStore, useMerchantStores } from "../../../../lib/merchants-api"
import { summarizeHours } from "../../../../lib/store-hours"
import { ActionMenu } from "./action-menu"
import { StoreDrawer } from "./store-drawer"

export const StoresSection = ({ merchantId, onAddTerminal }: { merchantId: string; onAddTerminal: (storeId: string) => void }) => {
  const { data, isLoading, isError, error } = useMerchantStores(merchantId)
  const remove = useDeleteStore(merchantId)
  const prompt = usePrompt()
  const [editing, setEditing] = useState<MerchantStore | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const stores = data?.stores ?? []

  const openDrawer = (store: MerchantStore | null) => {
    setEditing(store)
    setDrawerOpen(true)
  }

  const confirmDelete = async (store: MerchantStore) => {
    const ok = await prompt({
      title: `Delete ${store.name}?`,
      description: "The store and all its terminals are removed; those terminals stop working at once. Vouchers limited to this store can no longer be used there.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      await remove.mutateAsync(store.id)
      toast.success(`${store.name} deleted`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Stores 門店</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Branches where this merchant&apos;s vouchers are used.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => openDrawer(null)}>
          Create
        </Button>
      </div>
      {isError ? (
        <Text className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>
      ) : isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : !stores.length ? (
        <div className="flex flex-col items-center gap-y-1 px-6 py-8">
          <Text size="small" weight="plus">
            No stores yet
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            Add the merchant&apos;s first branch, then give it a terminal.
          </Text>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>City</Table.HeaderCell>
                <Table.HeaderCell>Address</Table.HeaderCell>
                <Table.HeaderCell>Hours</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="w-10" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {stores.map((store) => (
                <Table.Row key={store.id} data-testid={`store-row-${store.id}`}>
                  <Table.Cell>{store.name}</Table.Cell>
                  <Table.Cell>{store.city ?? "–"}</Table.Cell>
                  <Table.Cell className="max-w-[240px] truncate" title={store.address ?? undefined}>
                    {store.address ?? "–"}
                  </Table.Cell>
                  <Table.Cell className="max-w-[260px] truncate" title={summarizeHours(store.hours)}>
                    {summarizeHours(store.hours) || "–"}
                  </Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={store.status === "active" ? "green" : "grey"}>{store.status === "active" ? "Active" : "Closed"}</StatusBadge>
                  </Table.Cell>
                  <Table.Cell>
                    <ActionMenu
                      groups={[
                        [
                          { label: "Edit", icon: <PencilSquare />, onClick: () => openDrawer(store) },
                          { label: "Add terminal", icon: <Plus />, onClick: () => onAddTerminal(store.id), disabled: store.status !== "active" },
                        ],
                        [{ label: "Delete", icon: <Trash />, onClick: () => confirmDelete(store), danger: true }],
                      ]}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <StoreDrawer merchantId={merchantId} store={editing} open={drawerOpen} onOpenChange={setDrawerOpen} />
    </Container>
  )
}
