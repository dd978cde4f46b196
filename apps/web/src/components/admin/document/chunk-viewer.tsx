import type { ChunkViewRow } from '@policydesk/db'
import { FlaggedText, UntrustedBadge, untrustedReasonLabels } from '@/components/untrusted-text'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatPages } from '@/lib/shared/format'

/**
 * A version's chunks in order: what retrieval can quote, exactly as stored, with the sentences flagged at
 * ingestion as addressed to an AI highlighted (answers never quote those).
 */
export async function ChunkViewer({ chunks }: { chunks: ChunkViewRow[] }) {
  const t = await getTranslator()
  const reasonLabels = untrustedReasonLabels((key) => t(`untrusted.reasons.${key}`))
  return (
    <ol className="divide-y divide-slate-100" aria-label={t('admin.document.chunkViewer.label')}>
      {chunks.map((chunk) => (
        <li key={chunk.id} className="px-4 py-3" data-testid="chunk">
          <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <span className="font-mono text-slate-700">#{chunk.ordinal + 1}</span>
            <span className="font-medium text-slate-700">
              {chunk.headingPath.length > 0
                ? chunk.headingPath.join(' › ')
                : t('admin.document.chunkViewer.noHeading')}
            </span>
            {chunk.pageStart !== null ? <span>{formatPages(chunk.pageStart, chunk.pageEnd)}</span> : null}
            <span>{t('admin.document.chunkViewer.tokens', { n: String(chunk.tokenCount) })}</span>
            <UntrustedBadge
              count={chunk.untrusted.length}
              label={t('untrusted.badge', { count: chunk.untrusted.length })}
              title={t('untrusted.badgeTitle')}
            />
          </div>
          <p className="text-sm whitespace-pre-line text-slate-800">
            <FlaggedText text={chunk.text} spans={chunk.untrusted} reasonLabels={reasonLabels} />
          </p>
        </li>
      ))}
    </ol>
  )
}
