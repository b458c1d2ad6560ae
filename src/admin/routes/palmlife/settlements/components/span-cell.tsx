import type { ReactNode } from "react"

/** A table cell across `span` columns, styled like @medusajs/ui's Table.Cell (whose props type leaves colSpan out). */
export const SpanCell = ({ span, children, className = "" }: { span: number; children: ReactNode; className?: string }) => (
  <td colSpan={span} className={`h-12 py-0 pl-0 pr-6 ${className}`}>
    {children}
  </td>
)
