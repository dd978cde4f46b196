import { removeUserFromGroup } from '@policydesk/db'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** Admin: remove a user from a group (idempotent). */
export async function DELETE(
  _request: Request,
  { params }: { params: Promise<{ id: string; groupId: string }> },
) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such membership.')
  const result = await removeUserFromGroup(getDb(), {
    userId: ids.id,
    groupId: ids.groupId,
    actorId: auth.user.id,
  })
  if (!result.ok) return refusal(result.reason)
  return new Response(null, { status: 204 })
}
