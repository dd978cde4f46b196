import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody, parseValue } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { saveReviewFromRequest } from '@/lib/server/review/save-review'
import { toViewer } from '@/lib/shared/review/viewer'
import { reviewRequestSchema, traceIdSchema } from './schema'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** Records (or replaces) the caller's verdict on an answer; attributed and audited. */
export const PUT = sameOriginOnly(async (request: Request, { params }: Params) => {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, traceIdSchema)
  if (!id.ok) return id.response
  const body = await parseJsonBody(request, reviewRequestSchema)
  if (!body.ok) return body.response
  const outcome = await saveReviewFromRequest(getDb(), toViewer(auth.user), auth.user.id, id.data, body.data)
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status })
  const { review, validation } = outcome
  return Response.json({
    review: {
      traceId: review.traceId,
      verdict: review.verdict,
      labels: review.labels,
      notes: review.notes,
      correctedAnswer: review.correctedAnswer,
      correctedCitations: review.correctedCitations,
      reviewerId: review.reviewerId,
      updatedAt: review.updatedAt,
    },
    validation,
  })
})
