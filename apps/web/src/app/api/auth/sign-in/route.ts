import { authConfig } from '@/lib/auth/config'
import { beginOidcSignIn } from '@/lib/auth/oidc'
import { safeReturnTo } from '@/lib/auth/return-to'

export const dynamic = 'force-dynamic'

/** Starts OIDC sign-in: redirects to the identity provider (authorization code + PKCE). */
export async function GET(request: Request) {
  const config = authConfig()
  if (config.mode !== 'oidc' || config.problem) {
    return Response.json({ error: config.problem ?? 'OIDC sign-in is not enabled.' }, { status: 404 })
  }
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'))
  const url = await beginOidcSignIn(returnTo)
  return new Response(null, { status: 303, headers: { Location: url.toString() } })
}
