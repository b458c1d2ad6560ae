import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import type { ReactNode } from "react"

export type Action = { label: string; icon?: ReactNode; onClick: () => void; disabled?: boolean; danger?: boolean }

/** The "…" menu Medusa's own pages put on sections and table rows; groups are separated by a line. */
export const ActionMenu = ({ groups, label = "Actions" }: { groups: Action[][]; label?: string }) => {
  const visible = groups.filter((g) => g.length)
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={label} onClick={(e) => e.stopPropagation()}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content onClick={(e) => e.stopPropagation()}>
        {visible.map((group, i) => (
          <div key={i}>
            {i > 0 && <DropdownMenu.Separator />}
            {group.map((action) => (
              <DropdownMenu.Item
                key={action.label}
                disabled={action.disabled}
                onClick={action.onClick}
                className={`flex items-center gap-x-2 ${action.danger ? "text-ui-fg-error" : ""}`}
              >
                {action.icon}
                <span>{action.label}</span>
              </DropdownMenu.Item>
            ))}
          </div>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
