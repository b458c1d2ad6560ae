import { PencilSquare, Trash } from "@medusajs/icons"
import { Container, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { formatDateTime } from "../../../../lib/format-date"
import { errorMessage, type Merchant, useDeleteMerchant } from "../../../../lib/merchants-api"
import { ActionMenu } from "./action-menu"
import { EditMerchantDrawer } from "./edit-merchant-drawer"
import { SectionRow } from "./field"

export const MerchantStatusBadge = ({ status }: { status: Merchant["status"] }) => (
  <StatusBadge color={status === "active" ? "green" : "orange"}>{status === "active" ? "Active" : "Suspended"}</StatusBadge>
)

export const MerchantGeneralSection = ({ merchant }: { merchant: Merchant }) => {
  const [editing, setEditing] = useState(false)
  const remove = useDeleteMerchant(merchant.id)
  const prompt = usePrompt()
  const navigate = useNavigate()

  const confirmDelete = async () => {
    const ok = await prompt({
      title: `Delete ${merchant.name}?`,
      description: "The merchant, its stores and terminals are removed. A merchant with voucher templates or unused vouchers cannot be deleted — suspend it instead.",
      confirmText: "Delete",
      cancelText: "Cancel",
      verificationText: merchant.name,
      verificationInstruction: "Type the merchant's name to confirm",
    })
    if (!ok) return
    try {
      await remove.mutateAsync()
      toast.success(`${merchant.name} deleted`)
      navigate("/palmlife/merchants", { replace: true })
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col">
          <Heading>{merchant.name}</Heading>
          {merchant.legal_name && (
            <Text size="small" className="text-ui-fg-subtle">
              {merchant.legal_name}
            </Text>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          <MerchantStatusBadge status={merchant.status} />
          <ActionMenu
            groups={[
              [{ label: "Edit", icon: <PencilSquare />, onClick: () => setEditing(true) }],
              [{ label: "Delete", icon: <Trash />, onClick: confirmDelete, danger: true }],
            ]}
          />
        </div>
      </div>
      <SectionRow title="Contact phone 聯繫電話" value={merchant.contact_phone ?? "–"} />
      <SectionRow
        title="Settlement account 結算賬戶"
        value={merchant.settlement_account_masked ? <code data-testid="settlement-account-masked">{merchant.settlement_account_masked}</code> : "Not set"}
      />
      <SectionRow title="Stores / terminals" value={`${merchant.store_count} / ${merchant.terminal_count}`} />
      <SectionRow title="Created" value={formatDateTime(merchant.created_at)} />
      <EditMerchantDrawer merchant={merchant} open={editing} onOpenChange={setEditing} />
    </Container>
  )
}
