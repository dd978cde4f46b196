'use client'

import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useTranslations } from 'use-intl'
import { ChartCard } from '@/components/ui/chart-card'
import { formatMs, formatPercent, formatUsd } from '@/lib/shared/format'
import type { DayPoint } from '@/lib/shared/review/dashboard-series'

/**
 * Theme colours as CSS variables, so the dark palette (app/dark-palette.css) recolours the charts too.
 * Series use the middle shades (400–600), which both themes keep.
 */
const color = (name: string) => `var(--color-${name})`
const COLORS = {
  answered: color('indigo-600'),
  abstained: color('sky-400'),
  up: color('emerald-500'),
  down: color('red-500'),
  failed: color('amber-500'),
  p50: color('indigo-600'),
  p95: color('indigo-400'),
  total50: color('teal-600'),
  total95: color('teal-400'),
  tokens: color('slate-400'),
  cost: color('violet-600'),
}
/** Recharts draws its tooltip with inline white: follow the card colours instead. */
const TOOLTIP = {
  contentStyle: {
    background: color('white'),
    borderColor: color('slate-200'),
    color: color('slate-900'),
  },
}

const shortDay = (day: string) => day.slice(5)
/** Dots, so a day with data between empty days still shows. */
const DOT = { r: 2.5 }
const percentTick = (v: number) => `${(v * 100).toFixed(v > 0 && v < 0.1 ? 1 : 0)}%`
const axis = { fontSize: 11, fill: color('slate-500') }

type Totals = Omit<DayPoint, 'day'>

/** The dashboard's per-day charts (recharts, client-side). Every series is also in the data table. */
export function DashboardCharts({ days, totals }: { days: DayPoint[]; totals: Totals }) {
  const t = useTranslations('review.dashboard.charts')
  const common = { data: days, margin: { top: 4, right: 12, bottom: 0, left: -8 } }
  const x = <XAxis dataKey="day" tickFormatter={shortDay} tick={axis} minTickGap={16} />
  const grid = <CartesianGrid strokeDasharray="3 3" stroke={color('slate-200')} vertical={false} />
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="dashboard-charts">
      <ChartCard title={t('questions')} summary={t('inRange', { n: String(totals.questions) })}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart {...common}>
            {grid}
            {x}
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip {...TOOLTIP} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              isAnimationActive={false}
              dataKey="answered"
              name={t('answered')}
              stackId="q"
              fill={COLORS.answered}
            />
            <Bar
              isAnimationActive={false}
              dataKey="abstained"
              name={t('abstained')}
              stackId="q"
              fill={COLORS.abstained}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title={t('rates')}
        summary={t('ratesSummary', {
          answered: formatPercent(totals.answerRate),
          abstained: formatPercent(totals.abstentionRate),
        })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart {...common}>
            {grid}
            {x}
            <YAxis domain={[0, 1]} tickFormatter={percentTick} tick={axis} />
            <Tooltip {...TOOLTIP} formatter={(v) => formatPercent(Number(v), 1)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              isAnimationActive={false}
              dataKey="answerRate"
              name={t('answerRate')}
              stroke={COLORS.answered}
              dot={DOT}
              connectNulls
            />
            <Line
              dataKey="abstentionRate"
              name={t('abstentionRate')}
              stroke={COLORS.abstained}
              dot={DOT}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title={t('thumbs')}
        summary={t('thumbsSummary', {
          up: String(totals.up),
          down: String(totals.down),
          percent: formatPercent(totals.upShare),
        })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart {...common}>
            {grid}
            {x}
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip {...TOOLTIP} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar isAnimationActive={false} dataKey="up" name={t('thumbsUp')} stackId="f" fill={COLORS.up} />
            <Bar
              isAnimationActive={false}
              dataKey="down"
              name={t('thumbsDown')}
              stackId="f"
              fill={COLORS.down}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title={t('validation')}
        summary={t('validationSummary', { percent: formatPercent(totals.validationFailureRate, 1) })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart {...common}>
            {grid}
            {x}
            <YAxis
              domain={[0, (max: number) => Math.max(max, 0.1)]}
              tickFormatter={percentTick}
              tick={axis}
            />
            <Tooltip {...TOOLTIP} formatter={(v) => formatPercent(Number(v), 1)} />
            <Line
              dataKey="validationFailureRate"
              name={t('validationFailures')}
              stroke={COLORS.failed}
              dot={DOT}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title={t('latency')}
        summary={t('latencySummary', {
          ttft50: formatMs(totals.ttftP50),
          ttft95: formatMs(totals.ttftP95),
          total50: formatMs(totals.totalP50),
          total95: formatMs(totals.totalP95),
        })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart {...common}>
            {grid}
            {x}
            <YAxis tickFormatter={(v: number) => formatMs(v)} tick={axis} width={56} />
            <Tooltip {...TOOLTIP} formatter={(v) => formatMs(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              isAnimationActive={false}
              dataKey="ttftP50"
              name={t('ttftP50')}
              stroke={COLORS.p50}
              dot={DOT}
              connectNulls
            />
            <Line
              isAnimationActive={false}
              dataKey="ttftP95"
              name={t('ttftP95')}
              stroke={COLORS.p95}
              dot={DOT}
              connectNulls
            />
            <Line
              isAnimationActive={false}
              dataKey="totalP50"
              name={t('totalP50')}
              stroke={COLORS.total50}
              dot={DOT}
              connectNulls
            />
            <Line
              isAnimationActive={false}
              dataKey="totalP95"
              name={t('totalP95')}
              stroke={COLORS.total95}
              dot={DOT}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title={t('cost')}
        summary={t('costSummary', {
          tokens: totals.tokens.toLocaleString('en-US'),
          cost: formatUsd(totals.costUsd),
        })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart {...common}>
            {grid}
            {x}
            <YAxis yAxisId="tokens" tick={axis} width={56} />
            <YAxis
              yAxisId="cost"
              orientation="right"
              tickFormatter={(v: number) => formatUsd(v)}
              tick={axis}
              width={56}
            />
            <Tooltip
              {...TOOLTIP}
              formatter={(v, name) =>
                name === t('costSeries') ? formatUsd(Number(v)) : Number(v).toLocaleString('en-US')
              }
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              isAnimationActive={false}
              yAxisId="tokens"
              dataKey="tokens"
              name={t('tokens')}
              fill={COLORS.tokens}
            />
            <Line
              isAnimationActive={false}
              yAxisId="cost"
              dataKey="costUsd"
              name={t('costSeries')}
              stroke={COLORS.cost}
              dot={DOT}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  )
}
