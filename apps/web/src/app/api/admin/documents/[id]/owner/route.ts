import { setDocumentOwner } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { documentOwnerSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: the group that answers handoffs about this document `{ groupId | null }` (audited). */
export const PUT = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, documentOwnerSchema)
    if (!body.ok) return body.response
    const result = await setDocumentOwner(getDb(), {
      documentId: ids.data.id,
      groupId: body.data.groupId,
      actorId: auth.user.id,
    })
    if (!result.ok)
      return result.reason === 'unknown-group'
        ? Response.json({ error: 'Invalid request: groupId: no such group' }, { status: 400 })
        : refusal('not-found')
    return Response.json({ id: ids.data.id, ownerGroupId: result.ownerGroupId })
  },
)
