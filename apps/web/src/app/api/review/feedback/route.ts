import { listRecentFeedback } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

/** Analysts and admins: the latest user ratings with the answers they judge. */
export async function GET() {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  return Response.json({ feedback: await listRecentFeedback(getDb(), { limit: 50 }) })
}
