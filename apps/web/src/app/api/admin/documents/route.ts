import { listDocuments } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

/** Admin: every document with its latest version's status and access groups. */
export async function GET() {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  return Response.json({ documents: await listDocuments(getDb()) })
}
