'use client'

import type { ReactNode } from 'react'
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
import type { DayPoint } from '@/lib/review/dashboard-series'
import { formatMs, formatPercent, formatUsd } from '@/lib/review/format'
import { Card, CardTitle } from './ui'

const COLORS = {
  answered: '#4f46e5',
  abstained: '#38bdf8',
  up: '#10b981',
  down: '#ef4444',
  failed: '#f59e0b',
  p50: '#4f46e5',
  p95: '#a5b4fc',
  total50: '#0f766e',
  total95: '#5eead4',
  tokens: '#94a3b8',
  cost: '#7c3aed',
}

const shortDay = (day: string) => day.slice(5)
/** Dots, so a day with data between empty days still shows. */
const DOT = { r: 2.5 }
const percentTick = (v: number) => `${(v * 100).toFixed(v > 0 && v < 0.1 ? 1 : 0)}%`
const axis = { fontSize: 11, fill: '#64748b' }

function ChartCard({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <Card>
      <CardTitle aside={summary}>{title}</CardTitle>
      {/* The chart is a picture of the numbers in the card title and the data table below. */}
      <div className="h-56 px-2 py-3" role="img" aria-label={`${title}: ${summary}`}>
        {children}
      </div>
    </Card>
  )
}

type Totals = Omit<DayPoint, 'day'>

/** The dashboard's per-day charts (recharts, client-side). Every series is also in the data table. */
export function DashboardCharts({ days, totals }: { days: DayPoint[]; totals: Totals }) {
  const common = { data: days, margin: { top: 4, right: 12, bottom: 0, left: -8 } }
  const x = <XAxis dataKey="day" tickFormatter={shortDay} tick={axis} minTickGap={16} />
  const grid = <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="dashboard-charts">
      <ChartCard title="Questions per day" summary={`${totals.questions} in range`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart {...common}>
            {grid}
            {x}
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              isAnimationActive={false}
              dataKey="answered"
              name="Answered"
              stackId="q"
              fill={COLORS.answered}
            />
            <Bar
              isAnimationActive={false}
              dataKey="abstained"
              name="Abstained"
              stackId="q"
              fill={COLORS.abstained}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Answer rate vs abstention rate"
        summary={`${formatPercent(totals.answerRate)} answered · ${formatPercent(totals.abstentionRate)} abstained`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart {...common}>
            {grid}
            {x}
            <YAxis domain={[0, 1]} tickFormatter={percentTick} tick={axis} />
            <Tooltip formatter={(v) => formatPercent(Number(v), 1)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              isAnimationActive={false}
              dataKey="answerRate"
              name="Answer rate"
              stroke={COLORS.answered}
              dot={DOT}
              connectNulls
            />
            <Line
              dataKey="abstentionRate"
              name="Abstention rate"
              stroke={COLORS.abstained}
              dot={DOT}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Thumbs up and down"
        summary={`${totals.up} up · ${totals.down} down · ${formatPercent(totals.upShare)} positive`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart {...common}>
            {grid}
            {x}
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar isAnimationActive={false} dataKey="up" name="Thumbs up" stackId="f" fill={COLORS.up} />
            <Bar isAnimationActive={false} dataKey="down" name="Thumbs down" stackId="f" fill={COLORS.down} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Validation failure rate"
        summary={`${formatPercent(totals.validationFailureRate, 1)} of generated answers`}
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
            <Tooltip formatter={(v) => formatPercent(Number(v), 1)} />
            <Line
              dataKey="validationFailureRate"
              name="Validation failures"
              stroke={COLORS.failed}
              dot={DOT}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Time to first token and total (p50 / p95)"
        summary={`first token ${formatMs(totals.ttftP50)} / ${formatMs(totals.ttftP95)} · total ${formatMs(totals.totalP50)} / ${formatMs(totals.totalP95)}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart {...common}>
            {grid}
            {x}
            <YAxis tickFormatter={(v: number) => formatMs(v)} tick={axis} width={56} />
            <Tooltip formatter={(v) => formatMs(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              isAnimationActive={false}
              dataKey="ttftP50"
              name="First token p50"
              stroke={COLORS.p50}
              dot={DOT}
              connectNulls
            />
            <Line
              isAnimationActive={false}
              dataKey="ttftP95"
              name="First token p95"
              stroke={COLORS.p95}
              dot={DOT}
              connectNulls
            />
            <Line
              isAnimationActive={false}
              dataKey="totalP50"
              name="Total p50"
              stroke={COLORS.total50}
              dot={DOT}
              connectNulls
            />
            <Line
              isAnimationActive={false}
              dataKey="totalP95"
              name="Total p95"
              stroke={COLORS.total95}
              dot={DOT}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Tokens and cost per day"
        summary={`${totals.tokens.toLocaleString('en-US')} tokens · ${formatUsd(totals.costUsd)}`}
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
              formatter={(v, name) =>
                name === 'Cost' ? formatUsd(Number(v)) : Number(v).toLocaleString('en-US')
              }
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              isAnimationActive={false}
              yAxisId="tokens"
              dataKey="tokens"
              name="Tokens"
              fill={COLORS.tokens}
            />
            <Line
              isAnimationActive={false}
              yAxisId="cost"
              dataKey="costUsd"
              name="Cost"
              stroke={COLORS.cost}
              dot={DOT}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  )
}
