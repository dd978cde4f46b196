import { countAnswerLog, listAnswerLog } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { reviewEnv } from '@/lib/server/review/env'
import { encodeLogCursor } from '@/lib/shared/review/cursor'
import { toViewer } from '@/lib/shared/review/viewer'
import { parseLogQuery } from './schema'

export const dynamic = 'force-dynamic'

/** The answers log (filters as on /review), newest first, 50 per page; `older`/`newer` are page tokens. */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
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
