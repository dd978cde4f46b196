import { exportAnswerLog } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { parseValue } from '@/lib/http'
import { exportBody } from '@/lib/review/csv'
import { reviewEnv } from '@/lib/review/env'
import { parseLogQuery } from '@/lib/review/filters'
import { toViewer } from '@/lib/review/viewer'
import { exportQuerySchema } from '../schema'

export const dynamic = 'force-dynamic'

/**
 * The filtered answers log as CSV or JSONL (full traces), streamed. The permission rule is the log's:
 * traces that used or cited documents outside the analyst's groups are not exported (admins get all).
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
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
