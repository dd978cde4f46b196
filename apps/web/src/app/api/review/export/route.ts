import { exportAnswerLog } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { takeRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { reviewEnv } from '@/lib/server/review/env'
import { exportBody } from '@/lib/shared/review/csv'
import { toViewer } from '@/lib/shared/review/viewer'
import { exportQuerySchema, parseLogQuery } from './schema'

export const dynamic = 'force-dynamic'

/**
 * The filtered answers log as CSV or JSONL (full traces), streamed. The permission rule is the log's:
 * traces that used or cited documents outside the analyst's groups are not exported (admins get all).
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
  if (!auth.ok) return auth.response
  const limit = await takeRateLimit('review-export', auth.user.id)
  if (!limit.ok) return limit.response
  const params = new URL(request.url).searchParams
  const format = parseValue({ format: params.get('format') ?? undefined }, exportQuerySchema)
  if (!format.ok) return format.response
  const parsed = parseLogQuery(params, reviewEnv().lowScoreThreshold)
  if (!parsed.ok) return Response.json({ error: `Invalid request: ${parsed.error}` }, { status: 400 })
  const batches = exportAnswerLog(getDb(), toViewer(auth.user), parsed.filters)
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')
  const csv = format.data.format === 'csv'
  return new Response(exportBody(batches, format.data.format), {
    headers: {
      'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="policydesk-answers-${stamp}.${csv ? 'csv' : 'jsonl'}"`,
      'Cache-Control': 'no-store',
    },
  })
}
