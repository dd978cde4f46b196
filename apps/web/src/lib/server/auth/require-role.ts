import 'server-only'
import { type ApiTokenScope, grantsAnyScope, type schema } from '@policydesk/db'
import { forbidden, redirect } from 'next/navigation'
import { getBearerAuth } from '@/lib/server/auth/api-token'
import { getCurrentUser, type SessionUser } from '@/lib/server/auth/current-user'
import { orDatabaseUnavailable } from '@/lib/server/service-unavailable'

type Role = schema.UserRole

/** Who may enter each area. Admins may do everything analysts may. */
export const ROLES = {
  anyone: ['employee', 'analyst', 'admin'],
  reviewers: ['analyst', 'admin'],
  admins: ['admin'],
} as const satisfies Record<string, readonly Role[]>

/** Pages: signed-out visitors go to /sign-in; a signed-in user without the role gets a real HTTP 403. */
export async function requirePageRole(roles: readonly Role[] = ROLES.anyone): Promise<SessionUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/sign-in')
  if (!roles.includes(user.role)) forbidden()
  return user
}

export type ApiAuth =
  | {
      ok: true
      user: SessionUser
      via: 'session' | 'token'
      /** The token's scopes; a session may do everything its role may ('all'). */
      scopes: readonly string[] | 'all'
    }
  | { ok: false; response: Response }

/**
 * Whether a route accepts API tokens, and with which scopes (any one of them suffices). Routes that say
 * nothing refuse tokens: managing tokens, deleting history, reviews and the admin console need a session.
 */
export type TokenPolicy = { tokens?: readonly ApiTokenScope[] | 'any-scope' }

const json = (status: number, error: string, headers?: HeadersInit) =>
  Response.json({ error }, { status, headers })

/**
 * Route handlers: 401 without a session (or with a bad, expired or revoked API token), 403 without the
 * role — or for a token this route does not accept or whose scopes do not cover it — and 503 while the
 * database is unreachable. JSON bodies, never redirects. A request that presents a token is judged by the
 * token alone, never by a cookie it also carries; the token acts with exactly its user's role and groups.
 */
export async function authorizeApi(
  roles: readonly Role[] = ROLES.anyone,
  policy: TokenPolicy = {},
): Promise<ApiAuth> {
  const bearer = await orDatabaseUnavailable(getBearerAuth)
  if (bearer instanceof Response) return { ok: false, response: bearer }
  if (bearer.kind === 'invalid')
    return {
      ok: false,
      response: json(401, bearer.error, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
    }
  if (bearer.kind === 'token') {
    const accepted = policy.tokens
    if (!accepted)
      return {
        ok: false,
        response: json(403, 'API tokens cannot be used for this request; it needs a signed-in session.'),
      }
    if (accepted !== 'any-scope' && !grantsAnyScope(bearer.caller.token.scopes, accepted)) {
      const held = bearer.caller.token.scopes.join(', ') || 'none'
      return {
        ok: false,
        response: json(
          403,
          `This API token lacks the scope this request needs (${accepted.join(' or ')}); its scopes: ${held}.`,
          { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${accepted.join(' ')}"` },
        ),
      }
    }
    return withRole(bearer.caller.user, roles, 'token', bearer.caller.token.scopes)
  }
  const user = await orDatabaseUnavailable(getCurrentUser)
  if (user instanceof Response) return { ok: false, response: user }
  if (!user) return { ok: false, response: json(401, 'Sign in first.') }
  return withRole(user, roles, 'session', 'all')
}

function withRole(
  user: SessionUser,
  roles: readonly Role[],
  via: 'session' | 'token',
  scopes: readonly string[] | 'all',
): ApiAuth {
  if (!roles.includes(user.role)) return { ok: false, response: json(403, 'You do not have access to this.') }
  return { ok: true, user, via, scopes }
}
