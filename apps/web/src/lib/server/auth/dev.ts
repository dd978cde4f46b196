import 'server-only'
import { getUserByEmail } from '@policydesk/db'
import { authConfig } from '@/lib/server/auth/config'
import { startSession } from '@/lib/server/auth/session'
import { getDb } from '@/lib/server/db'

export type DevSignInResult = { ok: true; userId: string } | { ok: false; status: 403 | 404; error: string }

/** Dev sign-in: become any seeded user, no password. Refused unless dev mode is on and allowed. */
export async function signInAsUser(email: string): Promise<DevSignInResult> {
  const config = authConfig()
  if (config.mode !== 'dev' || config.problem) {
    return {
      ok: false,
      status: 403,
      error: config.problem ?? 'Dev sign-in is disabled (AUTH_MODE is not dev).',
    }
  }
  const user = await getUserByEmail(getDb(), email)
  if (!user)
    return { ok: false, status: 404, error: `No user ${email}. Seed demo users with policydesk db seed.` }
  await startSession(user.id)
  return { ok: true, userId: user.id }
}
