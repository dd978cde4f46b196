import type { ChunkViewRow } from '@policydesk/db'
import { formatPages } from '@/lib/admin/format'

/** A version's chunks in order: what retrieval can quote, exactly as stored. */
export function ChunkViewer({ chunks }: { chunks: ChunkViewRow[] }) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="Chunks in order">
      {chunks.map((chunk) => (
        <li key={chunk.id} className="px-4 py-3" data-testid="chunk">
          <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <span className="font-mono text-slate-700">#{chunk.ordinal + 1}</span>
            <span className="font-medium text-slate-700">
              {chunk.headingPath.length > 0 ? chunk.headingPath.join(' › ') : 'No heading'}
            </span>
            {chunk.pageStart !== null ? <span>{formatPages(chunk.pageStart, chunk.pageEnd)}</span> : null}
            <span>{chunk.tokenCount} tokens</span>
          </div>
          <p className="text-sm whitespace-pre-line text-slate-800">{chunk.text}</p>
        </li>
      ))}
    </ol>
  )
}
