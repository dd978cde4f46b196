import { promoteHandoffReply } from '@policydesk/db'
import { normalizeQuestion } from '@policydesk/inference'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { handoffRefusal, handoffViewer } from '@/lib/server/handoffs/handoffs'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { promoteSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * `{ replyId, scope? }` → a curated answer for the handoff's question, served to the next person who asks
 * it: by default only to employees like the asker (`scope: 'everyone'` widens it).
 */
export const POST = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.anyone)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, promoteSchema)
    if (!body.ok) return body.response
    const result = await promoteHandoffReply(getDb(), handoffViewer(auth.user), {
      id: ids.data.id,
      replyId: body.data.replyId,
      ...(body.data.scope ? { scope: body.data.scope } : {}),
      normalize: normalizeQuestion,
    })
    if (!result.ok) return handoffRefusal(result)
    return Response.json({ curatedAnswerId: result.curatedAnswerId }, { status: 201 })
  },
)
