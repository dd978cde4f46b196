import Link from 'next/link'
import { RetryButton } from '@/components/admin/document/retry-button'
import { type Column, DataTable } from '@/components/ui/data-table'
import { Card, CardHeader, EmptyState } from '@/components/ui/form-controls'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import type { SystemStatus } from '@/lib/server/system/system-status'
import { formatDateTime } from '@/lib/shared/format'

type FailedVersion = SystemStatus['failedVersions'][number]

const columns = (t: ServerTranslator): Column<FailedVersion>[] => [
  {
    key: 'document',
    header: t('admin.system.failed.document'),
    cell: (row) => (
      <>
        <Link
          href={`/admin/documents/${row.documentId}`}
          className="font-medium text-indigo-700 hover:underline"
        >
          {row.title}
        </Link>
        <div className="text-xs text-slate-500">
          {t('admin.system.failed.version', { n: String(row.versionNo) })}
        </div>
      </>
    ),
  },
  {
    key: 'error',
    header: t('admin.system.error'),
    className: 'text-red-800',
    cell: (row) => row.error ?? '–',
  },
  {
    key: 'attempts',
    header: t('admin.system.attempts'),
    className: 'tabular-nums',
    cell: (row) => row.attempts,
  },
  {
    key: 'failed',
    header: t('admin.system.failedAt'),
    nowrap: true,
    cell: (row) => formatDateTime(row.failedAt),
  },
  {
    key: 'retry',
    header: <span className="sr-only">{t('admin.system.failed.retry')}</span>,
    cell: (row) => (
      <RetryButton documentId={row.documentId} versionId={row.versionId} versionNo={row.versionNo} />
    ),
  },
]

/** Versions whose ingestion failed for good, with the error and the same retry as the document page. */
export async function FailedIngestions({ rows }: { rows: SystemStatus['failedVersions'] }) {
  const t = await getTranslator()
  return (
    <Card aria-labelledby="failed-heading">
      <CardHeader
        title={<span id="failed-heading">{t('admin.system.failed.title')}</span>}
        description={t('admin.system.failed.description')}
      />
      {rows.length === 0 ? (
        <div className="p-4">
          <EmptyState title={t('admin.system.failed.emptyTitle')}>
            {t('admin.system.failed.emptyText')}
          </EmptyState>
        </div>
      ) : (
        <DataTable
          caption={t('admin.system.failed.caption')}
          columns={columns(t)}
          rows={rows}
          rowKey={(row) => row.versionId}
        />
      )}
    </Card>
  )
}
