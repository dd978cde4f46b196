import { createHandoff, decodeHandoffCursor, listHandoffs } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import {
  deliverSoon,
  handoffRefusal,
  handoffRouting,
  handoffViewer,
  handoffWebhook,
} from '@/lib/server/handoffs/handoffs'
import { parseJsonBody, parseValue } from '@/lib/server/http'
import { takeRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { createHandoffSchema, listHandoffsQuerySchema } from './schema'

export const dynamic = 'force-dynamic'

/** "Ask a person": hands one of my answers (or my conversation's latest) to the owners of its topic. */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const limit = await takeRateLimit('handoff', auth.user.id)
  if (!limit.ok) return limit.response
  const body = await parseJsonBody(request, createHandoffSchema)
  if (!body.ok) return body.response
  const result = await createHandoff(getDb(), {
    asker: handoffViewer(auth.user),
    traceId: body.data.traceId,
    conversationId: body.data.conversationId,
    note: body.data.note,
    routing: handoffRouting(),
    webhook: handoffWebhook(),
  })
  if (!result.ok) return handoffRefusal(result)
  deliverSoon(result.deliveryIds)
  const { id, status, question, note, conversationId, traceId, createdAt } = result.handoff
  return Response.json(
    {
      handoff: {
        id,
        status,
        question,
        note,
        conversationId,
        traceId,
        routedGroup: result.routedGroupName,
        createdAt,
      },
    },
    { status: 201 },
  )
})

/** Handoffs I may see, newest first: my own, plus my groups' inbox (`?mine=1` for only mine). */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const query = parseValue(Object.fromEntries(new URL(request.url).searchParams), listHandoffsQuerySchema)
  if (!query.ok) return query.response
  const after = query.data.cursor ? decodeHandoffCursor(query.data.cursor) : undefined
  if (after === null)
    return Response.json({ error: 'Invalid request: cursor: not a cursor from this list' }, { status: 400 })
  const page = await listHandoffs(getDb(), handoffViewer(auth.user), {
    status: query.data.status,
    mine: Boolean(query.data.mine),
    limit: query.data.limit,
    after,
  })
  return Response.json(page)
}
