import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { loadDashboard } from '@/lib/review/dashboard'
import { parseDashboardRange } from '@/lib/review/dashboard-series'
import { toViewer } from '@/lib/review/viewer'

export const dynamic = 'force-dynamic'

/** Dashboard numbers for `range` (7d, 30d, 90d; UTC days): totals, per-day series, coverage gaps. */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  const range = parseDashboardRange(new URL(request.url).searchParams.get('range') ?? undefined)
  return Response.json(await loadDashboard(getDb(), toViewer(auth.user), range))
}
