import { setGroupPermissions } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { groupPermissionsSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: what a group's members may do beyond reading `{ permissions: ['handoffs'] }` (audited). */
export const PUT = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, groupPermissionsSchema)
    if (!body.ok) return body.response
    const result = await setGroupPermissions(getDb(), {
      groupId: ids.data.id,
      permissions: body.data.permissions,
      actorId: auth.user.id,
    })
    if (!result.ok) return refusal('group-not-found')
    return Response.json({ id: ids.data.id, permissions: result.after })
  },
)
