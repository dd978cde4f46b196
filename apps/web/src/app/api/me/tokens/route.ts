import { createApiToken, listApiTokens, scopesForRole } from '@policydesk/db'
import { authorizeApi } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { createdTokenResponse } from '@/lib/server/tokens/respond'
import { createTokenSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * The signed-in user's API tokens (never their secrets) and the scopes their role can use. Managing
 * tokens needs a session: a token cannot list or mint tokens.
 */
export async function GET() {
  const auth = await authorizeApi()
  if (!auth.ok) return auth.response
  const tokens = await listApiTokens(getDb(), { userId: auth.user.id })
  return Response.json({ tokens, scopes: scopesForRole(auth.user.role) })
}

/** Creates a personal token `{ name, scopes, expiresInDays }`; the secret is in this response only. */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi()
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, createTokenSchema)
  if (!body.ok) return body.response
  const created = await createApiToken(getDb(), {
    ...body.data,
    userId: auth.user.id,
    kind: 'personal',
    actorId: auth.user.id,
  })
  return createdTokenResponse(created)
})
