import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { readSystemStatus } from '@/lib/server/system/system-status'

export const dynamic = 'force-dynamic'

/** Admin: the System page's data as JSON (queue, failed ingestions, workers, database, vector indexes). */
export async function GET() {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  return Response.json(await readSystemStatus(), { headers: { 'Cache-Control': 'no-store' } })
}
