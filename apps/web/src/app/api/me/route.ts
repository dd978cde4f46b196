import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'

export const dynamic = 'force-dynamic'

/** Who the session belongs to, with role and readable groups as the server sees them. */
export async function GET() {
  const auth = await authorizeApi(ROLES.anyone, { tokens: 'any-scope' })
  if (!auth.ok) return auth.response
  const { id, email, name, role, groupIds } = auth.user
  return Response.json({ user: { id, email, name, role, groupIds } })
}
