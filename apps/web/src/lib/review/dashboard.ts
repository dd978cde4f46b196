import 'server-only'
import { coverageGapQuestions, type Database, dashboardStats, type ReviewViewer } from '@policydesk/db'
import { clusterCoverageGaps, type GapCluster } from './coverage-gaps'
import { type DashboardRange, type DayPoint, fillDays, rangeBounds, withRates } from './dashboard-series'

/** Questions considered for coverage gaps: the latest this many abstained or thumbs-down ones. */
export const GAP_SAMPLE = 2000

export type DashboardData = {
  range: DashboardRange
  from: string
  to: string
  totals: Omit<DayPoint, 'day'>
  days: DayPoint[]
  gaps: GapCluster[]
  gapSample: number
}

export async function loadDashboard(
  db: Database,
  viewer: ReviewViewer,
  range: DashboardRange,
  now = new Date(),
): Promise<DashboardData> {
  const bounds = rangeBounds(range, now)
  // Concurrent on Postgres; the embedded database serialises them anyway.
  const [stats, gapQuestions] = await Promise.all([
    dashboardStats(db, viewer, bounds),
    coverageGapQuestions(db, viewer, { ...bounds, limit: GAP_SAMPLE }),
  ])
  return {
    range,
    from: bounds.from.toISOString(),
    to: bounds.to.toISOString(),
    totals: withRates(stats.totals),
    days: fillDays(stats.days, bounds.from, bounds.to),
    gaps: clusterCoverageGaps(gapQuestions),
    gapSample: gapQuestions.length,
  }
}
