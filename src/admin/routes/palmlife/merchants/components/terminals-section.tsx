import { ArrowPath, CheckCircle, LockOpenSolid, XCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, StatusBadge, Table, Text, toast, Tooltip, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { formatDateTime, formatRelative } from "../../../../lib/format-date"
import {
  errorMessage,
  type IssuedTerminal,
  type MerchantStore,
  type Terminal,
  type TerminalAction,
  useMerchantTerminals,
  useRotateTerminalSecret,
  useTerminalAction,
} from "../../../../lib/merchants-api"
import { ActionMenu } from "./action-menu"
import { CreateTerminalDrawer } from "./create-terminal-drawer"
import { CredentialsPrompt } from "./credentials-prompt"

const STATUS: Record<Terminal["status"], { color: "green" | "red" | "orange"; label: string }> = {
  active: { color: "green", label: "Active" },
  disabled: { color: "red", label: "Disabled" },
  locked: { color: "orange", label: "Locked" },
}

const DONE: Record<TerminalAction, string> = { disable: "disabled", enable: "enabled", unlock: "unlocked" }

export const TerminalsSection = ({ merchantId, stores, createFor, onCreateForHandled }: {
  merchantId: string
  stores: MerchantStore[]
  createFor: string | null
  onCreateForHandled: () => void
}) => {
  const { data, isLoading, isError, error } = useMerchantTerminals(merchantId)
  const act = useTerminalAction(merchantId)
  const rotate = useRotateTerminalSecret(merchantId)
  const prompt = usePrompt()
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [issued, setIssued] = useState<{ title: string; value: IssuedTerminal } | null>(null)
  const terminals = data?.terminals ?? []
  // "Add terminal" on a store row opens the drawer with that store chosen
  const open = drawerOpen || !!createFor

  const run = async (terminal: Terminal, action: TerminalAction) => {
    if (action === "disable") {
      const ok = await prompt({
        title: `Disable ${terminal.name}?`,
        description: "The device gets 403 on its next call and can no longer verify or redeem vouchers until you enable it again.",
        confirmText: "Disable",
        cancelText: "Cancel",
      })
      if (!ok) return
    }
    try {
      await act.mutateAsync({ id: terminal.id, action })
      toast.success(`${terminal.name} ${DONE[action]}`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const rotateSecret = async (terminal: Terminal) => {
    const ok = await prompt({
      title: `Rotate the secret of ${terminal.name}?`,
      description: "The current secret stops working immediately: the device must be paired again with the new pairing code or given the new secret.",
      confirmText: "Rotate secret",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      setIssued({ title: "New terminal secret 新密鑰", value: await rotate.mutateAsync(terminal.id) })
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Terminals 終端</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Devices that verify and redeem vouchers. A secret is shown once, when the terminal is created or its secret rotated.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setDrawerOpen(true)} disabled={!stores.some((s) => s.status === "active")}>
          Create
        </Button>
      </div>
      {isError ? (
        <Text className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>
      ) : isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : !terminals.length ? (
        <div className="flex flex-col items-center gap-y-1 px-6 py-8">
          <Text size="small" weight="plus">
            No terminals yet
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {stores.length ? "Create one for a store; its credentials are shown once." : "Create a store first."}
          </Text>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Store</Table.HeaderCell>
                <Table.HeaderCell>Key id</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Last seen</Table.HeaderCell>
                <Table.HeaderCell className="w-10" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {terminals.map((t) => (
                <Table.Row key={t.id} data-testid={`terminal-row-${t.id}`}>
                  <Table.Cell>
                    <div className="flex items-center gap-x-2">
                      <span>{t.name}</span>
                      {t.pairing_pending && (
                        <Tooltip content={`Pairing code usable until ${formatDateTime(t.pairing_expires_at)}`}>
                          <Badge size="2xsmall" color="blue">
                            awaiting pairing
                          </Badge>
                        </Tooltip>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>{t.store?.name ?? "–"}</Table.Cell>
                  <Table.Cell>
                    <code className="txt-compact-small text-ui-fg-subtle">{t.key_id}</code>
                  </Table.Cell>
                  <Table.Cell>
                    <Tooltip content={t.status === "locked" ? `Locked ${formatDateTime(t.locked_at)} after 20 unknown codes in 10 minutes` : STATUS[t.status].label}>
                      <span>
                        <StatusBadge color={STATUS[t.status].color}>{STATUS[t.status].label}</StatusBadge>
                      </span>
                    </Tooltip>
                  </Table.Cell>
                  <Table.Cell title={formatDateTime(t.last_seen_at)}>{formatRelative(t.last_seen_at)}</Table.Cell>
                  <Table.Cell>
                    <ActionMenu
                      groups={[
                        [
                          t.status === "locked"
                            ? { label: "Unlock", icon: <LockOpenSolid />, onClick: () => run(t, "unlock") }
                            : t.status === "disabled"
                              ? { label: "Enable", icon: <CheckCircle />, onClick: () => run(t, "enable") }
                              : { label: "Disable", icon: <XCircle />, onClick: () => run(t, "disable") },
                          ...(t.status === "locked" ? [{ label: "Disable", icon: <XCircle />, onClick: () => run(t, "disable") }] : []),
                        ],
                        [{ label: "Rotate secret", icon: <ArrowPath />, onClick: () => rotateSecret(t) }],
                      ]}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <CreateTerminalDrawer
        merchantId={merchantId}
        stores={stores}
        storeId={createFor ?? undefined}
        open={open}
        onOpenChange={(next) => {
          setDrawerOpen(next)
          if (!next) onCreateForHandled()
        }}
        onIssued={(value) => setIssued({ title: "Terminal created 終端已建立", value })}
      />
      <CredentialsPrompt issued={issued?.value ?? null} title={issued?.title ?? ""} onClose={() => setIssued(null)} />
    </Container>
  )
}
