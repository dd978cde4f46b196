import Link from 'next/link'
import { getTranslator } from '@/lib/server/i18n/server'
import type { PageWindow } from '@/lib/shared/admin/search-params'
import { formatInt } from '@/lib/shared/format'
import { cn } from '@/lib/shared/utils'

const linkClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600'

/**
 * "Showing 26–50 of 120" with previous/next links that keep the current filters. `noun` comes translated
 * from the caller, in its plural form ("entries").
 */
export async function Pagination({
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
  const t = await getTranslator()
  return (
    <nav
      aria-label={t('admin.pagination.label')}
      className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm text-slate-600"
    >
      <p aria-live="polite">
        {total === 0
          ? t('admin.pagination.none', { noun })
          : t('admin.pagination.showing', {
              first: formatInt(window.first),
              last: formatInt(window.last),
              total: formatInt(total),
              noun,
            })}
      </p>
      <div className="flex items-center gap-2">
        {window.page > 1 ? (
          <Link className={linkClass} href={hrefForPage(window.page - 1)} rel="prev">
            {t('admin.pagination.previous')}
          </Link>
        ) : (
          <span className={cn(linkClass, 'pointer-events-none opacity-50')} aria-disabled="true">
            {t('admin.pagination.previous')}
          </span>
        )}
        <span>
          {t('admin.pagination.page', { page: formatInt(window.page), pages: formatInt(window.pageCount) })}
        </span>
        {window.page < window.pageCount ? (
          <Link className={linkClass} href={hrefForPage(window.page + 1)} rel="next">
            {t('admin.pagination.next')}
          </Link>
        ) : (
          <span className={cn(linkClass, 'pointer-events-none opacity-50')} aria-disabled="true">
            {t('admin.pagination.next')}
          </span>
        )}
      </div>
    </nav>
  )
}
