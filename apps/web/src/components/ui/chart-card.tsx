import type { ReactNode } from 'react'
import { Card } from './page'

/**
 * A chart in a card: the title with its numbers in words beside it, and the chart as an image whose label
 * says the same numbers (the data also sits in a table on the page, for screen readers and copying).
 */
export function ChartCard({
  title,
  summary,
  children,
}: {
  title: string
  summary: string
  children: ReactNode
}) {
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        <div className="text-xs text-slate-500">{summary}</div>
      </div>
      <div className="h-56 px-2 py-3" role="img" aria-label={`${title}: ${summary}`}>
        {children}
      </div>
    </Card>
  )
}
