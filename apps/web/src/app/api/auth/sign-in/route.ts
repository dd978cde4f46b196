import { authConfig } from '@/lib/server/auth/config'
import { beginOidcSignIn } from '@/lib/server/auth/oidc'
import { parseValue } from '@/lib/server/http'
import { takeClientRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { safeReturnTo } from '@/lib/shared/auth/return-to'
import { signInQuerySchema } from './schema'

export const dynamic = 'force-dynamic'

/** Starts OIDC sign-in: redirects to the identity provider (authorization code + PKCE). */
export async function GET(request: Request) {
  const limit = await takeClientRateLimit('sign-in', request)
  if (!limit.ok) return limit.response
  const config = authConfig()
  if (config.mode !== 'oidc' || config.problem) {
    return Response.json({ error: config.problem ?? 'OIDC sign-in is not enabled.' }, { status: 404 })
  }
  const query = parseValue(
    { returnTo: new URL(request.url).searchParams.get('returnTo') ?? undefined },
    signInQuerySchema,
  )
  if (!query.ok) return query.response
  const returnTo = safeReturnTo(query.data.returnTo)
  const url = await beginOidcSignIn(returnTo)
  return new Response(null, { status: 303, headers: { Location: url.toString() } })
}
