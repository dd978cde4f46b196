import { createLogger, errorMessage } from '@policydesk/runtime'
import { completeOidcSignIn } from '@/lib/server/auth/oidc'
import { takeClientRateLimit } from '@/lib/server/rate-limit/rate-limiters'

export const dynamic = 'force-dynamic'

const log = createLogger('web:auth')

/** The OIDC redirect URI (APP_URL + /api/auth/callback). */
export async function GET(request: Request) {
  // Each callback makes a token request to the identity provider: bound how often one client can cause one.
  const limit = await takeClientRateLimit('sign-in', request)
  if (!limit.ok) return limit.response
  let target: string
  try {
    const result = await completeOidcSignIn(new URL(request.url))
    target = result.ok ? result.returnTo : `/sign-in?error=${encodeURIComponent(result.error)}`
  } catch (error) {
    // Provider errors (access_denied, invalid state, bad token) end here: log the detail, show a calm message.
    log.warn('OIDC callback failed', { error: errorMessage(error) })
    target = `/sign-in?error=${encodeURIComponent('Sign-in failed. Please try again.')}`
  }
  return new Response(null, { status: 303, headers: { Location: target } })
}
