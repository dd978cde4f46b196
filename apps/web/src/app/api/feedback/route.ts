import { upsertFeedback } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound, parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { feedbackRequestSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Thumbs up/down on one's own answer; voting again replaces the earlier vote. */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, feedbackRequestSchema)
  if (!body.ok) return body.response
  const stored = await upsertFeedback(getDb(), {
    ...body.data,
    comment: body.data.comment || null,
    userId: auth.user.id,
  })
  if (!stored) return notFound('No such answer.')
  return Response.json({
    feedback: {
      traceId: stored.traceId,
      rating: stored.rating,
      reason: stored.reason,
      comment: stored.comment,
    },
  })
})
