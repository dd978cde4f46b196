import Link from 'next/link'
import type { ReactNode } from 'react'
import { CoverageGapsTable } from '@/components/review/coverage-gaps-table'
import { DashboardCharts } from '@/components/review/dashboard-charts'
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/review/ui'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { loadDashboard } from '@/lib/review/dashboard'
import { DASHBOARD_RANGES, type DashboardRange, parseDashboardRange } from '@/lib/review/dashboard-series'
import { formatInt, formatMs, formatPercent, formatUsd } from '@/lib/review/format'
import { toViewer } from '@/lib/review/viewer'
import { cn } from '@/lib/utils'

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
  const raw = (await searchParams).range
  const range = parseDashboardRange(Array.isArray(raw) ? raw[0] : raw)
  const data = await loadDashboard(getDb(), toViewer(user), range)
  const t = data.totals
  return (
    <>
      <PageHeader
        title="Review dashboard"
        description={`Answers logged from ${data.from.slice(0, 10)} to ${data.days.at(-1)?.day ?? ''} (UTC)${user.role === 'admin' ? '' : ', counting only answers you may see'}.`}
        actions={
          <nav aria-label="Range" className="flex gap-1">
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
                Last {DASHBOARD_RANGES[r]} days
              </Link>
            ))}
          </nav>
        }
      />
      <dl className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Stat
          id="questions"
          label="Questions"
          value={formatInt(t.questions)}
          detail={`${formatInt(t.curated)} curated`}
        />
        <Stat
          id="answer-rate"
          label="Answered"
          value={formatPercent(t.answerRate)}
          detail={`${formatInt(t.answered)} answers`}
        />
        <Stat
          id="abstention-rate"
          label="Abstained"
          value={formatPercent(t.abstentionRate)}
          detail={`${formatInt(t.abstained)} abstentions`}
        />
        <Stat
          id="thumbs"
          label="Thumbs up / down"
          value={
            <>
              <span className="text-emerald-700" data-testid="stat-up">
                {formatInt(t.up)}
              </span>
              <span className="text-slate-400"> / </span>
              <span className="text-red-700" data-testid="stat-down">
                {formatInt(t.down)}
              </span>
            </>
          }
          detail={`${formatPercent(t.upShare)} positive`}
        />
        <Stat
          id="validation"
          label="Validation failures"
          value={formatPercent(t.validationFailureRate, 1)}
          detail={`${formatInt(t.validationFailed)} of generated answers`}
        />
        <Stat
          id="ttft"
          label="First token p50 / p95"
          value={formatMs(t.ttftP50)}
          detail={`p95 ${formatMs(t.ttftP95)}`}
        />
        <Stat
          id="total"
          label="Total time p50 / p95"
          value={formatMs(t.totalP50)}
          detail={`p95 ${formatMs(t.totalP95)}`}
        />
        <Stat
          id="cost"
          label="Tokens / cost"
          value={formatUsd(t.costUsd)}
          detail={`${formatInt(t.tokensIn)} in · ${formatInt(t.tokensOut)} out`}
        />
      </dl>
      {t.questions === 0 ? (
        <EmptyState title="No answers in this period">
          The charts fill in as employees ask questions.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <DashboardCharts days={data.days} totals={t} />
          <CoverageGapsTable gaps={data.gaps} sample={data.gapSample} />
          <Card>
            <CardTitle>Daily numbers</CardTitle>
            <details className="p-4 text-sm">
              <summary className="cursor-pointer text-indigo-700">Show the data behind the charts</summary>
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-right text-xs tabular-nums" data-testid="daily-table">
                  <thead className="text-slate-600">
                    <tr>
                      {[
                        'Day',
                        'Questions',
                        'Answered',
                        'Abstained',
                        'Up',
                        'Down',
                        'Validation failed',
                        'TTFT p50',
                        'TTFT p95',
                        'Total p50',
                        'Total p95',
                        'Tokens',
                        'Cost',
                      ].map((h) => (
                        <th key={h} scope="col" className="px-2 py-1 first:text-left">
                          {h}
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
