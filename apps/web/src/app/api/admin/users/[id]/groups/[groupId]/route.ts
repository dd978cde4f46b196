import { removeUserFromGroup } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

/** Admin: remove a user from a group (idempotent). */
export const DELETE = sameOriginOnly(
  async (_request: Request, { params }: { params: Promise<{ id: string; groupId: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const result = await removeUserFromGroup(getDb(), {
      userId: ids.data.id,
      groupId: ids.data.groupId,
      actorId: auth.user.id,
    })
    if (!result.ok) return refusal(result.reason)
    return new Response(null, { status: 204 })
  },
)
