import { listUsersForAdmin } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'

export const dynamic = 'force-dynamic'

/** Admin: every user with role and explicit group memberships. */
export async function GET() {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  return Response.json({ users: await listUsersForAdmin(getDb()) })
}
