import Link from 'next/link'
import type { ReactNode } from 'react'
import { CoverageGapsTable } from '@/components/review/coverage-gaps-table'
import { DashboardCharts } from '@/components/review/dashboard-charts'
import { HandoffInsights } from '@/components/review/handoff-insights'
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/review/ui'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { loadDashboard, loadHandoffInsights } from '@/lib/server/review/dashboard'
import { formatInt, formatMs, formatPercent, formatUsd } from '@/lib/shared/format'
import {
  DASHBOARD_RANGES,
  type DashboardRange,
  parseDashboardRange,
} from '@/lib/shared/review/dashboard-series'
import { toViewer } from '@/lib/shared/review/viewer'
import { cn } from '@/lib/shared/utils'

export const dynamic = 'force-dynamic'

function Stat({
  id,
  label,
  value,
  detail,
}: {
  id: string
  label: string
  value: ReactNode
  detail?: ReactNode
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={`stat-${id}`}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd
        className="mt-0.5 text-2xl font-semibold text-slate-900 tabular-nums"
        data-testid={`stat-${id}-value`}
      >
        {value}
      </dd>
      {detail ? <dd className="text-xs text-slate-500">{detail}</dd> : null}
    </div>
  )
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Quality and usage over time, and the coverage gaps: which policies are missing. All UTC days. */
export default async function ReviewDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageRole(ROLES.reviewers)
  const t = await getTranslator()
  const raw = (await searchParams).range
  const range = parseDashboardRange(Array.isArray(raw) ? raw[0] : raw)
  const [data, handoffs] = await Promise.all([
    loadDashboard(getDb(), toViewer(user), range),
    loadHandoffInsights(getDb(), toViewer(user), range),
  ])
  const totals = data.totals
  return (
    <>
      <PageHeader
        title={t('review.dashboard.title')}
        description={t('review.dashboard.description', {
          viewer: user.role === 'admin' ? 'admin' : 'other',
          from: data.from.slice(0, 10),
          to: data.days.at(-1)?.day ?? '',
        })}
        actions={
          <nav aria-label={t('review.dashboard.range')} className="flex gap-1">
            {(Object.keys(DASHBOARD_RANGES) as DashboardRange[]).map((r) => (
              <Link
                key={r}
                href={`/review/dashboard?range=${r}`}
                aria-current={r === range ? 'page' : undefined}
                className={cn(
                  'rounded-md px-3 py-1.5 text-sm',
                  r === range
                    ? 'bg-indigo-600 text-white'
                    : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
                )}
              >
                {t('review.dashboard.lastDays', { n: String(DASHBOARD_RANGES[r]) })}
              </Link>
            ))}
          </nav>
        }
      />
      <dl className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Stat
          id="questions"
          label={t('review.dashboard.stats.questions')}
          value={formatInt(totals.questions)}
          detail={t('review.dashboard.stats.curated', { n: formatInt(totals.curated) })}
        />
        <Stat
          id="answer-rate"
          label={t('review.dashboard.stats.answered')}
          value={formatPercent(totals.answerRate)}
          detail={t('review.dashboard.stats.answers', { n: formatInt(totals.answered) })}
        />
        <Stat
          id="abstention-rate"
          label={t('review.dashboard.stats.abstained')}
          value={formatPercent(totals.abstentionRate)}
          detail={t('review.dashboard.stats.abstentions', { n: formatInt(totals.abstained) })}
        />
        <Stat
          id="thumbs"
          label={t('review.dashboard.stats.thumbs')}
          value={
            <>
              <span className="text-emerald-700" data-testid="stat-up">
                {formatInt(totals.up)}
              </span>
              <span className="text-slate-400"> / </span>
              <span className="text-red-700" data-testid="stat-down">
                {formatInt(totals.down)}
              </span>
            </>
          }
          detail={t('review.dashboard.stats.positive', { percent: formatPercent(totals.upShare) })}
        />
        <Stat
          id="validation"
          label={t('review.dashboard.stats.validation')}
          value={formatPercent(totals.validationFailureRate, 1)}
          detail={t('review.dashboard.stats.ofGenerated', { n: formatInt(totals.validationFailed) })}
        />
        <Stat
          id="ttft"
          label={t('review.dashboard.stats.ttft')}
          value={formatMs(totals.ttftP50)}
          detail={t('review.dashboard.stats.p95', { ms: formatMs(totals.ttftP95) })}
        />
        <Stat
          id="total"
          label={t('review.dashboard.stats.total')}
          value={formatMs(totals.totalP50)}
          detail={t('review.dashboard.stats.p95', { ms: formatMs(totals.totalP95) })}
        />
        <Stat
          id="cost"
          label={t('review.dashboard.stats.cost')}
          value={formatUsd(totals.costUsd)}
          detail={t('review.dashboard.stats.tokens', {
            in: formatInt(totals.tokensIn),
            out: formatInt(totals.tokensOut),
          })}
        />
      </dl>
      {totals.questions === 0 ? (
        <EmptyState title={t('review.dashboard.emptyTitle')}>{t('review.dashboard.emptyText')}</EmptyState>
      ) : (
        <div className="space-y-4">
          <DashboardCharts days={data.days} totals={totals} />
          <CoverageGapsTable gaps={data.gaps} sample={data.gapSample} />
          <HandoffInsights stats={handoffs.stats} gaps={handoffs.gaps} />
          <Card>
            <CardTitle>{t('review.dashboard.daily')}</CardTitle>
            <details className="p-4 text-sm">
              <summary className="cursor-pointer text-indigo-700">{t('review.dashboard.showData')}</summary>
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-right text-xs tabular-nums" data-testid="daily-table">
                  <thead className="text-slate-600">
                    <tr>
                      {(
                        [
                          'day',
                          'questions',
                          'answered',
                          'abstained',
                          'up',
                          'down',
                          'validationFailed',
                          'ttftP50',
                          'ttftP95',
                          'totalP50',
                          'totalP95',
                          'tokens',
                          'cost',
                        ] as const
                      ).map((h) => (
                        <th key={h} scope="col" className="px-2 py-1 first:text-left">
                          {t(`review.dashboard.columns.${h}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.days
                      .filter((d) => d.questions > 0)
                      .map((d) => (
                        <tr key={d.day}>
                          <th scope="row" className="px-2 py-1 text-left font-normal">
                            {d.day}
                          </th>
                          <td className="px-2 py-1">{d.questions}</td>
                          <td className="px-2 py-1">{d.answered}</td>
                          <td className="px-2 py-1">{d.abstained}</td>
                          <td className="px-2 py-1">{d.up}</td>
                          <td className="px-2 py-1">{d.down}</td>
                          <td className="px-2 py-1">{d.validationFailed}</td>
                          <td className="px-2 py-1">{formatMs(d.ttftP50)}</td>
                          <td className="px-2 py-1">{formatMs(d.ttftP95)}</td>
                          <td className="px-2 py-1">{formatMs(d.totalP50)}</td>
                          <td className="px-2 py-1">{formatMs(d.totalP95)}</td>
                          <td className="px-2 py-1">{formatInt(d.tokens)}</td>
                          <td className="px-2 py-1">{formatUsd(d.costUsd)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </details>
          </Card>
        </div>
      )}
    </>
  )
}
