import 'server-only'
import { attributesFromClaims, mergeUserAttributes, parseClaimMapping, signInOidcUser } from '@policydesk/db'
import { createLogger } from '@policydesk/runtime'
import { getIronSession } from 'iron-session'
import { cookies } from 'next/headers'
import * as client from 'openid-client'
import { authConfig } from '@/lib/server/auth/config'
import { sessionOptions, startSession } from '@/lib/server/auth/session'
import { getDb } from '@/lib/server/db'
import { splitList, webEnv } from '@/lib/server/env'
import { identityFromClaims } from '@/lib/shared/auth/oidc-claims'
import { safeReturnTo } from '@/lib/shared/auth/return-to'

/** What must survive the round trip to the provider: kept in its own short-lived encrypted cookie. */
type PendingSignIn = { codeVerifier?: string; state?: string; nonce?: string; returnTo?: string }
const PENDING_COOKIE = 'policydesk_oidc'
const PENDING_TTL_SECONDS = 10 * 60

export const CALLBACK_PATH = '/api/auth/callback'

const log = createLogger('web:auth')

let configuration: Promise<client.Configuration> | undefined

/** Discovery once per process; a failure is not cached, so a provider that was down is retried. */
function oidcConfiguration(): Promise<client.Configuration> {
  if (!configuration) {
    const env = webEnv()
    if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID)
      throw new Error('OIDC_ISSUER and OIDC_CLIENT_ID are required')
    configuration = client
      .discovery(
        new URL(env.OIDC_ISSUER),
        env.OIDC_CLIENT_ID,
        env.OIDC_CLIENT_SECRET,
        undefined,
        env.OIDC_ALLOW_INSECURE_HTTP ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined
        throw error
      })
  }
  return configuration
}

function redirectUri(): string {
  const appUrl = webEnv().APP_URL
  if (!appUrl) throw new Error('APP_URL is required for OIDC sign-in')
  return new URL(CALLBACK_PATH, appUrl).toString()
}

async function pendingSession() {
  return getIronSession<PendingSignIn>(await cookies(), sessionOptions(PENDING_COOKIE, PENDING_TTL_SECONDS))
}

/** Authorization code flow with PKCE, state and nonce. Returns the provider URL to redirect to. */
export async function beginOidcSignIn(returnTo: string): Promise<URL> {
  const config = await oidcConfiguration()
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const pending = await pendingSession()
  Object.assign(pending, { codeVerifier, state, nonce, returnTo })
  await pending.save()
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: webEnv().OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
}

export type OidcCallbackResult = { ok: true; returnTo: string } | { ok: false; error: string }

/** Exchanges the code, maps claims to a user (upserted with role and groups) and starts the session. */
export async function completeOidcSignIn(callbackUrl: URL): Promise<OidcCallbackResult> {
  if (authConfig().mode !== 'oidc') return { ok: false, error: 'OIDC sign-in is not enabled.' }
  const pending = await pendingSession()
  const { codeVerifier, state, nonce, returnTo } = pending
  pending.destroy()
  if (!codeVerifier || !state) return { ok: false, error: 'The sign-in attempt expired. Please try again.' }
  const config = await oidcConfiguration()
  // Behind a proxy the request URL is internal; the provider redirected to APP_URL's callback.
  const current = new URL(redirectUri())
  current.search = callbackUrl.search
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  })
  const idToken: Record<string, unknown> = { ...(tokens.claims() ?? {}) }
  let claims = idToken
  const env = webEnv()
  const mapping = {
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    adminGroups: splitList(env.OIDC_ADMIN_GROUPS),
    analystGroups: splitList(env.OIDC_ANALYST_GROUPS),
    requireVerifiedEmail: env.OIDC_REQUIRE_VERIFIED_EMAIL,
  }
  // Many providers put email and groups only in userinfo unless configured otherwise.
  const topClaim = mapping.groupsClaim.split('.')[0] ?? mapping.groupsClaim
  const verifiedUnknown = mapping.requireVerifiedEmail && !('email_verified' in claims)
  if (!claims.email || verifiedUnknown || !(topClaim in claims)) {
    const sub = typeof claims.sub === 'string' ? claims.sub : client.skipSubjectCheck
    const info = await client.fetchUserInfo(config, tokens.access_token, sub)
    // The identity (issuer, subject) is the validated ID token's, never userinfo's.
    claims = { ...claims, ...pickDefined(info), iss: idToken.iss, sub: idToken.sub }
  }
  const mapped = identityFromClaims(claims, mapping)
  if (!mapped.ok) return { ok: false, error: mapped.error }
  const account = await signInOidcUser(getDb(), mapped.identity)
  if (!account.ok) {
    log.warn('OIDC sign-in refused', { reason: account.reason, subject: mapped.identity.subject })
    return { ok: false, error: account.message }
  }
  if (account.outcome === 'linked')
    log.info('OIDC identity linked to an existing account', { userId: account.userId })
  // The asker profile the provider asserts (OIDC_ATTRIBUTE_CLAIMS); fields it does not assert stay as set.
  const profile = attributesFromClaims(claims, parseClaimMapping(env.OIDC_ATTRIBUTE_CLAIMS))
  for (const bad of profile.invalid)
    log.warn('OIDC attribute claim ignored', {
      userId: account.userId,
      attribute: bad.attribute,
      claim: bad.claim,
      reason: bad.reason,
    })
  await mergeUserAttributes(getDb(), account.userId, profile.attributes)
  await startSession(account.userId)
  return { ok: true, returnTo: safeReturnTo(returnTo) }
}

const pickDefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null))
