import { deleteUserHistory } from '@policydesk/db'
import { authorizeApi } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { confirmation } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Deletes the signed-in user's whole history for good: conversations, their answers as analysts see
 * them (with feedback and reviews), and cached answers to their questions. Audited (counts only).
 */
export const DELETE = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi()
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, confirmation)
  if (!body.ok) return body.response
  const deleted = await deleteUserHistory(getDb(), auth.user.id)
  return Response.json({ deleted })
})
