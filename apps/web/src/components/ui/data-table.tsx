import type { ReactNode } from 'react'
import { cn } from '@/lib/shared/utils'

/** One column of a DataTable: its header and how a row's cell is drawn. */
export type Column<Row> = {
  /** Stable React key (and the header text's stand-in in tests). */
  key: string
  header: ReactNode
  cell: (row: Row) => ReactNode
  /** Numbers: right-aligned, monospaced digits. */
  numeric?: boolean
  /** Dates and short codes that should not wrap. */
  nowrap?: boolean
  className?: string
}

/**
 * The tables of the admin and review areas from a column list: one look (header, dividers, horizontal scroll
 * on narrow screens), a caption for screen readers, `scope="col"` headers, and the caller's test ids.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowTestId,
  testId,
  framed = false,
  rowClassName,
  showCaption = false,
}: {
  /** Read by screen readers: what the rows are and their order. */
  caption: string
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
  rowTestId?: string
  testId?: string
  /** Draw its own card border (a table that is not inside a Card). */
  framed?: boolean
  rowClassName?: string
  /** Show the caption above the table (a table without its own heading). */
  showCaption?: boolean
}) {
  return (
    <div className={cn('overflow-x-auto', framed && 'rounded-lg border border-slate-200 bg-white shadow-sm')}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption
          className={showCaption ? 'px-4 py-2 text-left text-xs font-medium text-slate-600' : 'sr-only'}
        >
          {caption}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cn(
                  'px-3 py-2',
                  column.numeric && 'text-right',
                  column.nowrap && 'whitespace-nowrap',
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className={cn('align-top', rowClassName)} data-testid={rowTestId}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={cn(
                    'px-3 py-2.5',
                    column.numeric && 'text-right font-mono tabular-nums',
                    column.nowrap && 'whitespace-nowrap',
                    column.className,
                  )}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
