import 'server-only'
import {
  answeredByPersonNotInDocuments,
  coverageGapQuestions,
  type Database,
  dashboardStats,
  type HandoffStats,
  handoffStats,
  type PersonAnswerGap,
  type ReviewViewer,
} from '@policydesk/db'
import { clusterCoverageGaps, type GapCluster } from '@/lib/shared/review/coverage-gaps'
import {
  type DashboardRange,
  type DayPoint,
  fillDays,
  rangeBounds,
  withRates,
} from '@/lib/shared/review/dashboard-series'

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

/** The dashboard's "Asked a person" card: handoff rate, median time to first reply, person-answered gaps. */
export async function loadHandoffInsights(
  db: Database,
  viewer: ReviewViewer,
  range: DashboardRange,
  now = new Date(),
): Promise<{ stats: HandoffStats; gaps: PersonAnswerGap[] }> {
  const bounds = rangeBounds(range, now)
  const [stats, gaps] = await Promise.all([
    handoffStats(db, viewer, bounds),
    answeredByPersonNotInDocuments(db, viewer, { ...bounds, limit: 20 }),
  ])
  return { stats, gaps }
}
