import { Hint, Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** Label, control, help text and error, laid out like Medusa's form fields. */
export const Field = ({ label, htmlFor, optional, hint, error, children }: {
  label: string
  htmlFor?: string
  optional?: boolean
  hint?: ReactNode
  error?: string | null
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <div className="flex items-center gap-x-1">
      <Label htmlFor={htmlFor} size="small" weight="plus">
        {label}
      </Label>
      {optional && (
        <Text size="small" className="text-ui-fg-muted">
          (Optional)
        </Text>
      )}
    </div>
    {children}
    {hint && !error && <Hint>{hint}</Hint>}
    {error && <Hint variant="error">{error}</Hint>}
  </div>
)

/** A label/value row of a detail section. */
export const SectionRow = ({ title, value }: { title: string; value: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    <div className="text-ui-fg-subtle txt-small">{value ?? "–"}</div>
  </div>
)
