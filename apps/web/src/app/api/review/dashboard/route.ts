import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { loadDashboard } from '@/lib/server/review/dashboard'
import { toViewer } from '@/lib/shared/review/viewer'
import { dashboardQuerySchema } from './schema'

export const dynamic = 'force-dynamic'

/** Dashboard numbers for `range` (7d, 30d, 90d; UTC days): totals, per-day series, coverage gaps. */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
  if (!auth.ok) return auth.response
  const query = parseValue(
    { range: new URL(request.url).searchParams.get('range') ?? undefined },
    dashboardQuerySchema,
  )
  if (!query.ok) return query.response
  return Response.json(await loadDashboard(getDb(), toViewer(auth.user), query.data.range))
}
