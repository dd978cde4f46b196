import { listRecentFeedback } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { toViewer } from '@/lib/shared/review/viewer'

export const dynamic = 'force-dynamic'

/** Analysts and admins: the latest user ratings with the answers they judge (answers they may see). */
export async function GET() {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
  if (!auth.ok) return auth.response
  return Response.json({ feedback: await listRecentFeedback(getDb(), toViewer(auth.user), { limit: 50 }) })
}
