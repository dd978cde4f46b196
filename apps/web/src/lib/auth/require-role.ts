import 'server-only'
import type { schema } from '@policydesk/db'
import { forbidden, redirect } from 'next/navigation'
import { getCurrentUser, type SessionUser } from './current-user'

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

export type ApiAuth = { ok: true; user: SessionUser } | { ok: false; response: Response }

/** Route handlers: 401 without a session, 403 without the role. JSON bodies, never redirects. */
export async function authorizeApi(roles: readonly Role[] = ROLES.anyone): Promise<ApiAuth> {
  const user = await getCurrentUser()
  if (!user) return { ok: false, response: Response.json({ error: 'Sign in first.' }, { status: 401 }) }
  if (!roles.includes(user.role)) {
    return {
      ok: false,
      response: Response.json({ error: 'You do not have access to this.' }, { status: 403 }),
    }
  }
  return { ok: true, user }
}
