import type { HandoffStats, PersonAnswerGap } from '@policydesk/db'
import Link from 'next/link'
import { Card, CardTitle, EmptyState } from '@/components/review/ui'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatInt, formatPercent } from '@/lib/shared/format'

/** People reply in minutes to days, not milliseconds. */
function formatWait(ms: number | null): string {
  if (ms === null) return '–'
  const minutes = ms / 60_000
  if (minutes < 1) return `${Math.round(ms / 1000)} s`
  if (minutes < 60) return `${Math.round(minutes)} min`
  const hours = minutes / 60
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`
}

/**
 * "Ask a person" on the dashboard: how often answers were handed to a person, how fast a person replied,
 * and the questions people answered that the documents did not — what to write down next.
 */
export async function HandoffInsights({ stats, gaps }: { stats: HandoffStats; gaps: PersonAnswerGap[] }) {
  const t = await getTranslator()
  return (
    <Card aria-labelledby="handoff-insights-heading">
      <CardTitle>
        <span id="handoff-insights-heading">{t('review.dashboard.handoffs.title')}</span>
      </CardTitle>
      <dl className="grid grid-cols-2 gap-3 p-4 md:grid-cols-3">
        <div data-testid="stat-handoff-rate">
          <dt className="text-xs text-slate-500">{t('review.dashboard.handoffs.rate')}</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatPercent(stats.rate, 1)}</dd>
          <dd className="text-xs text-slate-500">
            {t('review.dashboard.handoffs.ofAnswers', {
              handoffs: formatInt(stats.handoffs),
              answers: formatInt(stats.answers),
            })}
          </dd>
        </div>
        <div data-testid="stat-first-reply">
          <dt className="text-xs text-slate-500">{t('review.dashboard.handoffs.firstReply')}</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatWait(stats.medianFirstReplyMs)}</dd>
        </div>
      </dl>
      <div className="border-t border-slate-100 p-4">
        <h3 className="mb-2 text-sm font-semibold text-slate-800">
          {t('review.dashboard.handoffs.gapsTitle')}
        </h3>
        {gaps.length === 0 ? (
          <EmptyState title={t('review.dashboard.handoffs.emptyTitle')}>
            {t('review.dashboard.handoffs.emptyText')}
          </EmptyState>
        ) : (
          <table className="w-full text-left text-sm" data-testid="person-answers">
            <caption className="sr-only">{t('review.dashboard.handoffs.caption')}</caption>
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('review.dashboard.handoffs.question')}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('review.dashboard.handoffs.answer')}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t('review.dashboard.handoffs.belongs')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {gaps.map((g) => (
                <tr key={g.handoffId}>
                  <td className="py-2 pr-3 text-slate-900">{g.question}</td>
                  <td className="py-2 pr-3 whitespace-pre-wrap text-slate-700">{g.humanAnswer}</td>
                  <td className="py-2 text-slate-700">
                    {g.documentId && g.documentTitle ? (
                      <Link
                        href={`/admin/documents/${g.documentId}`}
                        className="text-indigo-700 hover:underline"
                      >
                        {g.documentTitle}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  )
}
