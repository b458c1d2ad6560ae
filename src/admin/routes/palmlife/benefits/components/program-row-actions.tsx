import { useState } from "react"
import type { BenefitProgram } from "../../../../lib/rights-api"
import { ActionMenu } from "../../merchants/components/action-menu"
import { EditBenefitDrawer } from "./edit-benefit-drawer"
import { useBenefitActions } from "./use-benefit-actions"

/** The "…" menu of a program, with its edit drawer. */
export const ProgramActions = ({ program, onDeleted }: { program: BenefitProgram; onDeleted?: () => void }) => {
  const [editing, setEditing] = useState(false)
  const groups = useBenefitActions(program, { onEdit: () => setEditing(true), onDeleted })
  return (
    <div onClick={(e) => e.stopPropagation()}>
      <ActionMenu groups={groups} label={`Actions for ${program.name}`} />
      <EditBenefitDrawer program={program} open={editing} onOpenChange={setEditing} />
    </div>
  )
}
