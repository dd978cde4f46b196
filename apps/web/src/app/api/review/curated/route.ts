import { listCuratedAnswers } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { toViewer } from '@/lib/shared/review/viewer'
import { curatedListSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Curated answers (those needing review first), optionally of one status. */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
  if (!auth.ok) return auth.response
  const query = parseValue(Object.fromEntries(new URL(request.url).searchParams), curatedListSchema)
  if (!query.ok) return query.response
  return Response.json({
    curated: await listCuratedAnswers(getDb(), toViewer(auth.user), { status: query.data.status }),
  })
}
