import Link from 'next/link'
import { getTranslator } from '@/lib/server/i18n/server'
import { cn } from '@/lib/shared/utils'

const linkClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600'

/** Newer / older page links of a keyset-paginated list (no page numbers: the log is newest first). */
export async function KeysetPagination({
  summary,
  newerHref,
  olderHref,
}: {
  summary: string
  newerHref: string | null
  olderHref: string | null
}) {
  const t = await getTranslator()
  const link = (href: string | null, label: string, rel: string) =>
    href ? (
      <Link className={linkClass} href={href} rel={rel}>
        {label}
      </Link>
    ) : (
      <span className={cn(linkClass, 'pointer-events-none opacity-50')} aria-disabled="true">
        {label}
      </span>
    )
  return (
    <nav
      aria-label={t('review.pagination.label')}
      className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
    >
      <p className="text-slate-600" aria-live="polite">
        {summary}
      </p>
      <div className="flex items-center gap-2">
        {link(newerHref, t('review.pagination.newer'), 'prev')}
        {link(olderHref, t('review.pagination.older'), 'next')}
      </div>
    </nav>
  )
}
