import type { VersionHistoryRow } from '@policydesk/db'
import { Download } from 'lucide-react'
import Link from 'next/link'
import { type Column, DataTable } from '@/components/ui/data-table'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import { formatBytes, formatDate, formatDateTime } from '@/lib/shared/format'
import { LiveStatusCell } from '../documents/live-status-cell'
import { RetryButton } from './retry-button'

const MIME_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'text/markdown': 'Markdown',
  'text/html': 'HTML',
  'text/plain': 'Text',
}

function columns(
  t: ServerTranslator,
  documentId: string,
  currentVersionId: string | null,
  chunksHref: (versionId: string) => string,
): Column<VersionHistoryRow>[] {
  return [
    {
      key: 'version',
      header: t('admin.document.history.version'),
      nowrap: true,
      cell: (v) => (
        <>
          <span className="font-medium">v{v.versionNo}</span>
          {v.id === currentVersionId ? (
            <span className="ml-1.5 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-800">
              {t('admin.document.history.serving')}
            </span>
          ) : null}
          {v.effectiveDate ? (
            <div className="text-xs text-slate-500">
              {t('admin.document.history.effective', { date: formatDate(v.effectiveDate) })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: 'status',
      header: t('admin.document.history.status'),
      cell: (v) => (
        <LiveStatusCell
          initial={{ id: v.id, status: v.status, stage: v.stage, progress: v.progress, error: v.error }}
        />
      ),
    },
    {
      key: 'uploaded',
      header: t('admin.document.history.uploaded'),
      className: 'text-xs text-slate-600',
      cell: (v) => (
        <>
          <div>{v.uploaderName ?? t('admin.document.history.system')}</div>
          <div>{formatDateTime(v.createdAt)}</div>
        </>
      ),
    },
    {
      key: 'file',
      header: t('admin.document.history.file'),
      nowrap: true,
      className: 'text-xs text-slate-600',
      cell: (v) => (
        <>
          {MIME_LABELS[v.mime] ?? v.mime} · {formatBytes(v.sizeBytes)}
          {v.pageCount
            ? ` · ${t('admin.document.history.pages', { count: v.pageCount, n: String(v.pageCount) })}`
            : ''}
          {v.hiddenTextDropped > 0 ? (
            <div
              className="text-amber-800"
              data-testid="hidden-text-dropped"
              title={t('admin.document.history.hiddenTitle')}
            >
              {t('admin.document.history.hidden', {
                count: v.hiddenTextDropped,
                n: String(v.hiddenTextDropped),
              })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: 'chunks',
      header: t('admin.document.history.chunks'),
      className: 'tabular-nums',
      cell: (v) =>
        v.chunkCount > 0 ? (
          <Link
            href={chunksHref(v.id)}
            className="text-indigo-700 hover:underline"
            aria-label={t('admin.document.history.viewChunks', {
              n: String(v.chunkCount),
              version: String(v.versionNo),
            })}
          >
            {v.chunkCount}
          </Link>
        ) : (
          v.chunkCount
        ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">{t('admin.document.history.actions')}</span>,
      cell: (v) => (
        <div className="flex flex-wrap items-center justify-end gap-2">
          {v.status === 'failed' && v.hasContent ? (
            <RetryButton documentId={documentId} versionId={v.id} versionNo={v.versionNo} />
          ) : null}
          {v.hasContent ? (
            <a
              href={`/api/admin/documents/${documentId}/versions/${v.id}/original`}
              className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs text-slate-700 hover:bg-slate-100"
              aria-label={t('admin.document.history.download', { n: String(v.versionNo) })}
              download
            >
              <Download className="size-3.5" aria-hidden />
              {t('admin.document.history.original')}
            </a>
          ) : (
            <span className="text-xs text-slate-400">{t('admin.document.history.filePurged')}</span>
          )}
        </div>
      ),
    },
  ]
}

export async function VersionHistory({
  documentId,
  versions,
  currentVersionId,
  chunksHref,
}: {
  documentId: string
  versions: VersionHistoryRow[]
  currentVersionId: string | null
  chunksHref: (versionId: string) => string
}) {
  const t = await getTranslator()
  return (
    <DataTable
      caption={t('admin.document.history.caption')}
      columns={columns(t, documentId, currentVersionId, chunksHref)}
      rows={versions}
      rowKey={(v) => v.id}
      rowTestId="version-row"
    />
  )
}
