import Link from 'next/link'
import type { PageWindow } from '@/lib/admin/search-params'
import { cn } from '@/lib/utils'

const linkClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600'

/** "Showing 26–50 of 120" with previous/next links that keep the current filters. */
export function Pagination({
  window,
  total,
  noun,
  hrefForPage,
}: {
  window: PageWindow
  total: number
  noun: string
  hrefForPage: (page: number) => string
}) {
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm text-slate-600"
    >
      <p aria-live="polite">
        {total === 0 ? `No ${noun}` : `Showing ${window.first}–${window.last} of ${total} ${noun}`}
      </p>
      <div className="flex items-center gap-2">
        {window.page > 1 ? (
          <Link className={linkClass} href={hrefForPage(window.page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={cn(linkClass, 'pointer-events-none opacity-50')} aria-disabled="true">
            Previous
          </span>
        )}
        <span>
          Page {window.page} of {window.pageCount}
        </span>
        {window.page < window.pageCount ? (
          <Link className={linkClass} href={hrefForPage(window.page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className={cn(linkClass, 'pointer-events-none opacity-50')} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  )
}
