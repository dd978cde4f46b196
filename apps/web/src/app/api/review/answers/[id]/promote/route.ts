import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { promoteReviewedAnswer } from '@/lib/server/review/promote'
import { toViewer } from '@/lib/shared/review/viewer'
import { traceIdSchema } from './schema'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** Promotes the approved or corrected answer to a curated answer (replacing one for the same wording). */
export const POST = sameOriginOnly(async (_request: Request, { params }: Params) => {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, traceIdSchema)
  if (!id.ok) return id.response
  const outcome = await promoteReviewedAnswer(getDb(), toViewer(auth.user), auth.user.id, id.data)
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status })
  return Response.json({ curatedAnswerId: outcome.curatedId }, { status: 201 })
})
