import type { DashboardBucket } from '@policydesk/db'

const DAY_MS = 86_400_000

export const DASHBOARD_RANGES = { '7d': 7, '30d': 30, '90d': 90 } as const
export type DashboardRange = keyof typeof DASHBOARD_RANGES

/** Own keys only: `in` would also accept inherited names like "toString" (whose "days" is a function). */
export const isDashboardRange = (value: unknown): value is DashboardRange =>
  typeof value === 'string' && Object.hasOwn(DASHBOARD_RANGES, value)

/** Lenient, for the page: anything unknown shows the default range. */
export function parseDashboardRange(value: string | undefined): DashboardRange {
  return isDashboardRange(value) ? value : '30d'
}

/** [from, to) covering the last `days` whole UTC days, today included. */
export function rangeBounds(range: DashboardRange, now = new Date()): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return { from: new Date(today - (DASHBOARD_RANGES[range] - 1) * DAY_MS), to: new Date(today + DAY_MS) }
}

/** n / d as a fraction, or null when there is nothing to divide (so charts show a gap, not 0 %). */
export const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null)

export type DayPoint = DashboardBucket & {
  day: string
  answerRate: number | null
  abstentionRate: number | null
  upShare: number | null
  validationFailureRate: number | null
  tokens: number
}

const emptyBucket: DashboardBucket = {
  questions: 0,
  answered: 0,
  abstained: 0,
  up: 0,
  down: 0,
  validationFailed: 0,
  curated: 0,
  ttftP50: null,
  ttftP95: null,
  totalP50: null,
  totalP95: null,
  tokensIn: 0,
  tokensOut: 0,
  costUsd: 0,
}

export function withRates(bucket: DashboardBucket): Omit<DayPoint, 'day'> {
  return {
    ...bucket,
    answerRate: ratio(bucket.answered, bucket.questions),
    abstentionRate: ratio(bucket.abstained, bucket.questions),
    upShare: ratio(bucket.up, bucket.up + bucket.down),
    // Among generated answers: curated ones are not generated, abstentions are counted apart.
    validationFailureRate: ratio(bucket.validationFailed, bucket.answered - bucket.curated),
    tokens: bucket.tokensIn + bucket.tokensOut,
  }
}

/** One point per UTC day in [from, to), zero-filled, so the x axis has no holes. */
export function fillDays(days: (DashboardBucket & { day: string })[], from: Date, to: Date): DayPoint[] {
  const byDay = new Map(days.map((d) => [d.day, d]))
  const points: DayPoint[] = []
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10)
    points.push({ day, ...withRates(byDay.get(day) ?? emptyBucket) })
  }
  return points
}
