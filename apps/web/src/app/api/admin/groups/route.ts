import { createGroup, listGroupsWithCounts } from '@policydesk/db'
import { refusal } from '@/lib/admin/responses'
import { groupCreateSchema } from '@/lib/admin/user-schemas'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { parseJsonBody } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** Admin: every group with member and document counts. */
export async function GET() {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  return Response.json({ groups: await listGroupsWithCounts(getDb()) })
}

/** Admin: create a group `{ name, description? }` (409 if the name is taken). */
export async function POST(request: Request) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, groupCreateSchema)
  if (!body.ok) return body.response
  const result = await createGroup(getDb(), { ...body.data, actorId: auth.user.id })
  if (!result.ok) return refusal(result.reason)
  return Response.json({ id: result.id }, { status: 201 })
}
