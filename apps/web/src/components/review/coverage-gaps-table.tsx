import Link from 'next/link'
import { type Column, DataTable } from '@/components/ui/data-table'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import { formatDateTime, formatInt } from '@/lib/shared/format'
import type { GapCluster } from '@/lib/shared/review/coverage-gaps'
import { Card, CardTitle, EmptyState } from './ui'

const columns = (t: ServerTranslator): Column<GapCluster>[] => [
  {
    key: 'topic',
    header: t('review.gaps.topic'),
    cell: (gap) => (
      <>
        <div className="font-medium text-slate-900">{gap.label}</div>
        {gap.examples.length > 1 ? (
          <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
            {gap.examples.slice(1).map((e) => (
              <li key={e.traceId}>
                <Link href={`/review/answers/${e.traceId}`} className="hover:text-indigo-700 hover:underline">
                  {e.question}
                </Link>
                {e.count > 1 ? <span className="text-slate-500"> ×{e.count}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {gap.examples[0] ? (
          <Link
            href={`/review/answers/${gap.examples[0].traceId}`}
            className="mt-1 inline-block text-xs text-indigo-700 underline"
          >
            {t('review.gaps.openLatest')}
          </Link>
        ) : null}
      </>
    ),
  },
  { key: 'asked', header: t('review.gaps.asked'), numeric: true, cell: (gap) => gap.count },
  { key: 'abstained', header: t('review.gaps.abstained'), numeric: true, cell: (gap) => gap.abstained },
  { key: 'down', header: t('review.gaps.down'), numeric: true, cell: (gap) => gap.down },
  {
    key: 'last',
    header: t('review.gaps.lastAsked'),
    nowrap: true,
    className: 'text-xs text-slate-600',
    cell: (gap) => formatDateTime(gap.lastAskedAt),
  },
]

/** The most frequent unanswered or disliked topics: where a policy is probably missing or unclear. */
export async function CoverageGapsTable({ gaps, sample }: { gaps: GapCluster[]; sample: number }) {
  const t = await getTranslator()
  return (
    <Card>
      <CardTitle aside={t('review.gaps.aside', { sample: formatInt(sample) })}>
        {t('review.gaps.title')}
      </CardTitle>
      {gaps.length === 0 ? (
        <div className="p-4">
          <EmptyState title={t('review.gaps.emptyTitle')}>{t('review.gaps.emptyText')}</EmptyState>
        </div>
      ) : (
        <DataTable
          caption={t('review.gaps.caption')}
          columns={columns(t)}
          rows={gaps}
          rowKey={(gap) => gap.label}
          testId="coverage-gaps"
          rowTestId="coverage-gap"
        />
      )}
    </Card>
  )
}
