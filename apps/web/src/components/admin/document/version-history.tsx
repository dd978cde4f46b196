import type { VersionHistoryRow } from '@policydesk/db'
import { Download } from 'lucide-react'
import Link from 'next/link'
import { formatDate, formatDateTime, plural } from '@/lib/admin/format'
import { formatBytes } from '@/lib/admin/upload-rules'
import { LiveStatusCell } from '../documents/live-status-cell'
import { RetryButton } from './retry-button'

const MIME_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'text/markdown': 'Markdown',
  'text/html': 'HTML',
  'text/plain': 'Text',
}

export function VersionHistory({
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
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Version history, newest first</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Version
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Uploaded
            </th>
            <th scope="col" className="px-3 py-2">
              File
            </th>
            <th scope="col" className="px-3 py-2">
              Chunks
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} className="border-t border-slate-100 align-top" data-testid="version-row">
              <td className="px-3 py-2.5 whitespace-nowrap">
                <span className="font-medium">v{v.versionNo}</span>
                {v.id === currentVersionId ? (
                  <span className="ml-1.5 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-800">
                    serving
                  </span>
                ) : null}
                {v.effectiveDate ? (
                  <div className="text-xs text-slate-500">effective {formatDate(v.effectiveDate)}</div>
                ) : null}
              </td>
              <td className="px-3 py-2.5">
                <LiveStatusCell
                  initial={{
                    id: v.id,
                    status: v.status,
                    stage: v.stage,
                    progress: v.progress,
                    error: v.error,
                  }}
                />
              </td>
              <td className="px-3 py-2.5 text-xs text-slate-600">
                <div>{v.uploaderName ?? 'system'}</div>
                <div>{formatDateTime(v.createdAt)}</div>
              </td>
              <td className="px-3 py-2.5 text-xs text-slate-600 whitespace-nowrap">
                {MIME_LABELS[v.mime] ?? v.mime} · {formatBytes(v.sizeBytes)}
                {v.pageCount ? ` · ${plural(v.pageCount, 'page')}` : ''}
              </td>
              <td className="px-3 py-2.5 tabular-nums">
                {v.chunkCount > 0 ? (
                  <Link
                    href={chunksHref(v.id)}
                    className="text-indigo-700 hover:underline"
                    aria-label={`View the ${v.chunkCount} chunks of version ${v.versionNo}`}
                  >
                    {v.chunkCount}
                  </Link>
                ) : (
                  v.chunkCount
                )}
              </td>
              <td className="px-3 py-2.5">
                <div className="flex flex-wrap items-center justify-end gap-2">
                  {v.status === 'failed' && v.hasContent ? (
                    <RetryButton documentId={documentId} versionId={v.id} versionNo={v.versionNo} />
                  ) : null}
                  {v.hasContent ? (
                    <a
                      href={`/api/admin/documents/${documentId}/versions/${v.id}/original`}
                      className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs text-slate-700 hover:bg-slate-100"
                      aria-label={`Download the original of version ${v.versionNo}`}
                      download
                    >
                      <Download className="size-3.5" aria-hidden />
                      Original
                    </a>
                  ) : (
                    <span className="text-xs text-slate-400">file purged</span>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
