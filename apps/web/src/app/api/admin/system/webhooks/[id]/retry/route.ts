import { retryWebhookDelivery } from '@policydesk/db'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { deliverSoon } from '@/lib/server/handoffs/handoffs'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

/** Admin: tries a `failed` handoff webhook delivery again (fresh attempts, first one now). */
export const POST = sameOriginOnly(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    if (!(await retryWebhookDelivery(getDb(), ids.data.id)))
      return Response.json({ error: 'No failed delivery with this id.' }, { status: 404 })
    deliverSoon([ids.data.id])
    return Response.json({ id: ids.data.id, status: 'pending' }, { status: 202 })
  },
)
