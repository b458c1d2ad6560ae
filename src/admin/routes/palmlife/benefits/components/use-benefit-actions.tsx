import { Pause, PencilSquare, PlaySolid, Trash } from "@medusajs/icons"
import { toast, usePrompt } from "@medusajs/ui"
import { type BenefitProgram, describeError, useDeleteBenefitProgram, useUpdateBenefitProgram } from "../../../../lib/rights-api"
import type { Action } from "../../merchants/components/action-menu"

/** Edit, pause/activate and delete for one program, as ActionMenu groups. */
export function useBenefitActions(program: BenefitProgram, { onEdit, onDeleted }: { onEdit: () => void; onDeleted?: () => void }): Action[][] {
  const update = useUpdateBenefitProgram(program.id)
  const remove = useDeleteBenefitProgram(program.id)
  const prompt = usePrompt()
  const active = program.status === "active"

  const toggleStatus = async () => {
    if (active) {
      const ok = await prompt({
        title: `Pause ${program.name}?`,
        description: "It stops being offered at checkout at once. Carts that already hold it keep it until they complete or change.",
        confirmText: "Pause",
        cancelText: "Cancel",
        variant: "confirmation",
      })
      if (!ok) return
    }
    try {
      await update.mutateAsync({ status: active ? "paused" : "active" })
      toast.success(`${program.name} ${active ? "paused" : "activated"}`)
    } catch (e) {
      toast.error(describeError(e))
    }
  }

  const confirmDelete = async () => {
    const used = program.total_uses ?? 0
    const ok = await prompt({
      title: `Delete ${program.name}?`,
      description:
        (used ? `It has been used ${used} time${used === 1 ? "" : "s"}; those orders keep their record and refunds still restore quota. ` : "") +
        "Members stop seeing it at once. Pausing keeps it for later instead.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      await remove.mutateAsync()
      toast.success(`${program.name} deleted`)
      onDeleted?.()
    } catch (e) {
      toast.error(describeError(e))
    }
  }

  return [
    [
      { label: "Edit", icon: <PencilSquare />, onClick: onEdit },
      active
        ? { label: "Pause", icon: <Pause />, onClick: toggleStatus, disabled: update.isPending }
        : { label: "Activate", icon: <PlaySolid />, onClick: toggleStatus, disabled: update.isPending },
    ],
    [{ label: "Delete", icon: <Trash />, onClick: confirmDelete, danger: true, disabled: remove.isPending }],
  ]
}
