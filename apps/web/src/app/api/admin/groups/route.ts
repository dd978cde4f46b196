import { createGroup, listGroupsWithCounts } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { groupCreateSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: every group with member and document counts. */
export async function GET() {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  return Response.json({ groups: await listGroupsWithCounts(getDb()) })
}

/** Admin: create a group `{ name, description? }` (409 if the name is taken). */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, groupCreateSchema)
  if (!body.ok) return body.response
  const result = await createGroup(getDb(), { ...body.data, actorId: auth.user.id })
  if (!result.ok) return refusal(result.reason)
  return Response.json({ id: result.id }, { status: 201 })
})
