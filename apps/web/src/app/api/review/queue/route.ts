import { nextInQueue, queueCounts } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { decodeQueuePosition, encodeQueuePosition } from '@/lib/shared/review/cursor'
import { toViewer } from '@/lib/shared/review/viewer'
import { queueQuerySchema } from './schema'

export const dynamic = 'force-dynamic'

/** The next unreviewed answer in queue order (after `after`, a position token), and the bucket sizes. */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
  if (!auth.ok) return auth.response
  const query = parseValue(Object.fromEntries(new URL(request.url).searchParams), queueQuerySchema)
  if (!query.ok) return query.response
  const after = query.data.after ? decodeQueuePosition(query.data.after) : undefined
  if (after === null)
    return Response.json({ error: 'Invalid request: after: not a queue position' }, { status: 400 })
  const viewer = toViewer(auth.user)
  const db = getDb()
  const item = await nextInQueue(db, viewer, { after, direction: query.data.direction })
  return Response.json({
    item: item
      ? { traceId: item.traceId, bucket: item.bucket, position: encodeQueuePosition(item.position) }
      : null,
    ...(await queueCounts(db, viewer)),
  })
}
