import { addUserToGroup } from '@policydesk/db'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { membershipSchema } from '@/lib/admin/user-schemas'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound, parseJsonBody } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** Admin: add a user to a group `{ groupId }` (idempotent). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such user.')
  const body = await parseJsonBody(request, membershipSchema)
  if (!body.ok) return body.response
  const result = await addUserToGroup(getDb(), {
    userId: ids.id,
    groupId: body.data.groupId,
    actorId: auth.user.id,
  })
  if (!result.ok) return refusal(result.reason)
  return Response.json({ changed: result.changed }, { status: result.changed ? 201 : 200 })
}
