import { getAnswerDetail } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound, parseValue } from '@/lib/server/http'
import { toViewer } from '@/lib/shared/review/viewer'
import { traceIdSchema } from './schema'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** One answer with everything behind it; 404 also when it used documents the analyst may not read. */
export async function GET(_request: Request, { params }: Params) {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, traceIdSchema)
  if (!id.ok) return id.response
  const detail = await getAnswerDetail(getDb(), toViewer(auth.user), id.data)
  return detail ? Response.json({ answer: detail }) : notFound('No such answer.')
}
