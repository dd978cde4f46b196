import { renameGroup } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { groupRenameSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: rename a group / change its description `{ name, description? }`. Access follows the group id. */
export const PATCH = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, groupRenameSchema)
    if (!body.ok) return body.response
    const result = await renameGroup(getDb(), { groupId: ids.data.id, ...body.data, actorId: auth.user.id })
    if (!result.ok) return refusal(result.reason)
    return Response.json({ id: result.id })
  },
)
