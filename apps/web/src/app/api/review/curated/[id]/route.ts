import { reapproveCuratedAnswer, retireCuratedAnswer } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody, parseValue } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { toViewer } from '@/lib/shared/review/viewer'
import { curatedActionSchema, traceIdSchema } from './schema'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** `reapprove` (re-pins citations to current versions) or `retire` a curated answer; audited. */
export const POST = sameOriginOnly(async (request: Request, { params }: Params) => {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, traceIdSchema)
  if (!id.ok) return id.response
  const body = await parseJsonBody(request, curatedActionSchema)
  if (!body.ok) return body.response
  const input = { id: id.data, actorId: auth.user.id }
  const viewer = toViewer(auth.user)
  const change =
    body.data.action === 'retire'
      ? await retireCuratedAnswer(getDb(), viewer, input)
      : await reapproveCuratedAnswer(getDb(), viewer, input)
  if (change.ok) return Response.json({ status: change.status })
  return Response.json({ error: change.message }, { status: change.reason === 'not-found' ? 404 : 409 })
})
