import { renameGroup } from '@policydesk/db'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { groupRenameSchema } from '@/lib/admin/user-schemas'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound, parseJsonBody } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** Admin: rename a group / change its description `{ name, description? }`. Access follows the group id. */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such group.')
  const body = await parseJsonBody(request, groupRenameSchema)
  if (!body.ok) return body.response
  const result = await renameGroup(getDb(), { groupId: ids.id, ...body.data, actorId: auth.user.id })
  if (!result.ok) return refusal(result.reason)
  return Response.json({ id: result.id })
}
