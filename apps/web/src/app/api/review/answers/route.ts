import { countAnswerLog, listAnswerLog } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { encodeLogCursor } from '@/lib/review/cursor'
import { reviewEnv } from '@/lib/review/env'
import { parseLogQuery } from '@/lib/review/filters'
import { toViewer } from '@/lib/review/viewer'

export const dynamic = 'force-dynamic'

/** The answers log (filters as on /review), newest first, 50 per page; `older`/`newer` are page tokens. */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  const url = new URL(request.url)
  const parsed = parseLogQuery(url.searchParams, reviewEnv().lowScoreThreshold)
  if (!parsed.ok) return Response.json({ error: `Invalid request: ${parsed.error}` }, { status: 400 })
  const viewer = toViewer(auth.user)
  const db = getDb()
  const page = await listAnswerLog(db, viewer, parsed.filters, {
    cursor: parsed.cursor,
    direction: parsed.query.dir,
  })
  const total = await countAnswerLog(db, viewer, parsed.filters)
  return Response.json({
    answers: page.rows.map(({ cursor: _cursor, ...row }) => row),
    total,
    older: page.older ? encodeLogCursor(page.older) : null,
    newer: page.newer ? encodeLogCursor(page.newer) : null,
  })
}
