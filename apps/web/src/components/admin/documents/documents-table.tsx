import type { AdminDocumentRow } from '@policydesk/db'
import { ArrowDown, ArrowUp } from 'lucide-react'
import Link from 'next/link'
import { getTranslator } from '@/lib/server/i18n/server'
import type { DocumentSearchParams } from '@/lib/shared/admin/search-params'
import { formatBytes, formatDateTime } from '@/lib/shared/format'
import { LiveStatusCell } from './live-status-cell'

type SortKey = DocumentSearchParams['sort']

function SortHeader({
  label,
  sortLabel,
  sortKey,
  params,
  hrefForSort,
}: {
  label: string
  /** The link's accessible name: where the click sorts to. */
  sortLabel: (next: 'asc' | 'desc') => string
  sortKey: SortKey
  params: DocumentSearchParams
  hrefForSort: (sort: SortKey, dir: 'asc' | 'desc') => string
}) {
  const active = params.sort === sortKey
  const next = active && params.dir === 'asc' ? 'desc' : 'asc'
  return (
    <th
      scope="col"
      className="px-3 py-2.5"
      aria-sort={active ? (params.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Link
        href={hrefForSort(sortKey, next)}
        className="inline-flex items-center gap-1 hover:text-slate-900"
        aria-label={sortLabel(next)}
      >
        {label}
        {active ? (
          params.dir === 'asc' ? (
            <ArrowUp className="size-3.5" aria-hidden />
          ) : (
            <ArrowDown className="size-3.5" aria-hidden />
          )
        ) : null}
      </Link>
    </th>
  )
}

export async function DocumentsTable({
  rows,
  params,
  hrefForSort,
}: {
  rows: AdminDocumentRow[]
  params: DocumentSearchParams
  hrefForSort: (sort: SortKey, dir: 'asc' | 'desc') => string
}) {
  const t = await getTranslator()
  const header = (key: 'title' | 'status' | 'chunks' | 'uploaded') => ({
    label: t(`admin.documents.columns.${key}`),
    sortLabel: (next: 'asc' | 'desc') =>
      t(next === 'asc' ? 'admin.documents.sortAscending' : 'admin.documents.sortDescending', {
        column: t(`admin.documents.sortNames.${key}`),
      }),
  })
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('admin.documents.caption')}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <SortHeader {...header('title')} sortKey="title" params={params} hrefForSort={hrefForSort} />
            <SortHeader {...header('status')} sortKey="status" params={params} hrefForSort={hrefForSort} />
            <th scope="col" className="px-3 py-2.5">
              {t('admin.documents.columns.version')}
            </th>
            <SortHeader {...header('chunks')} sortKey="chunks" params={params} hrefForSort={hrefForSort} />
            <th scope="col" className="px-3 py-2.5">
              {t('admin.documents.columns.access')}
            </th>
            <th scope="col" className="px-3 py-2.5">
              {t('admin.documents.columns.tags')}
            </th>
            <SortHeader
              {...header('uploaded')}
              sortKey="uploaded"
              params={params}
              hrefForSort={hrefForSort}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((doc) => (
            <tr
              key={doc.id}
              className="border-t border-slate-100 align-top hover:bg-slate-50/60"
              data-testid="document-row"
            >
              <td className="max-w-xs px-3 py-2.5">
                <Link
                  href={`/admin/documents/${doc.id}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  {doc.title}
                </Link>
                <div className="truncate text-xs text-slate-500">
                  {doc.sourceName}
                  {doc.sizeBytes !== null ? ` · ${formatBytes(doc.sizeBytes)}` : ''}
                </div>
                {doc.deletedAt ? (
                  <span className="mt-1 inline-flex rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">
                    {t('admin.documents.deleted')}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2.5">
                {doc.latestVersionId && doc.status && doc.stage !== null ? (
                  <LiveStatusCell
                    initial={{
                      id: doc.latestVersionId,
                      status: doc.status,
                      stage: doc.stage,
                      progress: doc.progress ?? 0,
                      error: doc.error,
                    }}
                  />
                ) : (
                  <span className="text-xs text-slate-500">{t('admin.documents.noVersion')}</span>
                )}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                v{doc.latestVersionNo ?? '–'}
                {doc.currentVersionNo !== null && doc.currentVersionNo !== doc.latestVersionNo ? (
                  <div className="text-xs text-slate-500">
                    {t('admin.documents.serving', { n: String(doc.currentVersionNo) })}
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2.5 tabular-nums">{doc.chunkCount ?? 0}</td>
              <td className="px-3 py-2.5">
                <ul className="flex flex-wrap gap-1" aria-label={t('admin.documents.accessGroups')}>
                  {doc.groups.map((g) => (
                    <li
                      key={g}
                      className={
                        g === 'everyone'
                          ? 'rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700'
                          : 'rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-800'
                      }
                    >
                      {g}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2.5 text-xs text-slate-600">
                {doc.tags.length > 0 ? doc.tags.join(', ') : '–'}
              </td>
              <td className="px-3 py-2.5 text-xs whitespace-nowrap text-slate-600">
                {formatDateTime(doc.uploadedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
