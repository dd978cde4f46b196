import { changeUserRole } from '@policydesk/db'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { roleChangeSchema } from '@/lib/admin/user-schemas'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound, parseJsonBody } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** Admin: change a user's role `{ role }`. The last admin cannot be demoted (409). */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such user.')
  const body = await parseJsonBody(request, roleChangeSchema)
  if (!body.ok) return body.response
  const result = await changeUserRole(getDb(), {
    userId: ids.id,
    role: body.data.role,
    actorId: auth.user.id,
  })
  if (!result.ok) return refusal(result.reason)
  return Response.json({ role: result.after })
}
