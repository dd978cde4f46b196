import { addUserToGroup } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { membershipSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: add a user to a group `{ groupId }` (idempotent). */
export const POST = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, membershipSchema)
    if (!body.ok) return body.response
    const result = await addUserToGroup(getDb(), {
      userId: ids.data.id,
      groupId: body.data.groupId,
      actorId: auth.user.id,
    })
    if (!result.ok) return refusal(result.reason)
    return Response.json({ changed: result.changed }, { status: result.changed ? 201 : 200 })
  },
)
