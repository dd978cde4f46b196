import { replyToHandoff } from '@policydesk/db'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { deliverSoon, handoffRefusal, handoffViewer, handoffWebhook } from '@/lib/server/handoffs/handoffs'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { replySchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * A person's reply `{ text, citations? }`: appears in the asker's conversation, unread. Cited passages must
 * be readable by the asker (403 otherwise).
 */
export const POST = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.anyone)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, replySchema)
    if (!body.ok) return body.response
    const result = await replyToHandoff(getDb(), handoffViewer(auth.user), {
      id: ids.data.id,
      text: body.data.text,
      citations: body.data.citations,
      authorName: auth.user.name,
      webhook: handoffWebhook(),
    })
    if (!result.ok) return handoffRefusal(result)
    deliverSoon(result.deliveryIds)
    return Response.json({ reply: { id: result.replyId, messageId: result.messageId } }, { status: 201 })
  },
)
