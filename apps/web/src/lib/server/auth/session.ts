import 'server-only'
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session'
import { cookies } from 'next/headers'
import { type AuthMode, authConfig } from '@/lib/server/auth/config'

/**
 * Only the user id lives in the cookie: role and groups are read from the database on every request, so
 * a role change or group removal takes effect at once. `mode` ties the session to the sign-in method
 * that created it: switching AUTH_MODE from dev to oidc signs every dev session out.
 */
export type SessionData = { userId?: string; mode?: AuthMode }

export const SESSION_COOKIE = 'policydesk_session'

export function sessionOptions(cookieName = SESSION_COOKIE, ttlSeconds?: number): SessionOptions {
  const config = authConfig()
  return {
    cookieName,
    password: config.secret,
    ttl: ttlSeconds ?? config.ttlSeconds,
    cookieOptions: {
      httpOnly: true,
      // lax, not strict: the OIDC callback is a top-level redirect from the provider and needs the cookie.
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
    },
  }
}

export async function getSession(): Promise<IronSession<SessionData>> {
  return getIronSession<SessionData>(await cookies(), sessionOptions())
}

export async function startSession(userId: string): Promise<void> {
  const session = await getSession()
  session.userId = userId
  session.mode = authConfig().mode
  await session.save()
}

export async function endSession(): Promise<void> {
  const session = await getSession()
  session.destroy()
}
