import { getHandoff, updateHandoff } from '@policydesk/db'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { handoffRefusal, handoffViewer } from '@/lib/server/handoffs/handoffs'
import { notFound, parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { updateHandoffSchema } from './schema'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** One handoff: question, the answer given, sources, asker profile, replies, conversation. */
export async function GET(_request: Request, { params }: Params) {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids.ok) return ids.response
  const handoff = await getHandoff(getDb(), handoffViewer(auth.user), ids.data.id)
  if (!handoff) return notFound('No such handoff.')
  return Response.json({ handoff })
}

/** Claim/assign (`assigneeId`) and close/reopen (`status`): people answering it only. */
export const PATCH = sameOriginOnly(async (request: Request, { params }: Params) => {
  const auth = await authorizeApi(ROLES.anyone)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids.ok) return ids.response
  const body = await parseJsonBody(request, updateHandoffSchema)
  if (!body.ok) return body.response
  const result = await updateHandoff(getDb(), handoffViewer(auth.user), { id: ids.data.id, ...body.data })
  if (!result.ok) return handoffRefusal(result)
  return Response.json({ handoff: { id: ids.data.id, status: result.status, assigneeId: result.assigneeId } })
})
