import 'server-only'
import { getUserById, normaliseAttributes, readableGroupIds, verifyApiToken } from '@policydesk/db'
import { annotateRequest } from '@policydesk/observability'
import { headers } from 'next/headers'
import { cache } from 'react'
import type { SessionUser } from '@/lib/server/auth/current-user'
import { getDb } from '@/lib/server/db'
import { bearerSecret } from '@/lib/shared/auth/bearer'

export type TokenCaller = { user: SessionUser; token: { id: string; scopes: string[]; name: string } }

/** What the request's Authorization header says: no token, a usable one, or a refusal (401). */
export type BearerAuth =
  | { kind: 'none' }
  | { kind: 'token'; caller: TokenCaller }
  | { kind: 'invalid'; error: string }

const REFUSALS = {
  malformed: 'The API token is not valid: it should look like pd_ followed by 43 characters.',
  unknown: 'The API token is not valid (unknown or mistyped).',
  revoked: 'The API token was revoked; create a new one under Settings → API tokens.',
  expired: 'The API token has expired; create a new one under Settings → API tokens.',
} as const

/**
 * The API token of this request, verified once per request: the account it acts as is loaded exactly as
 * a session's is (role and groups from the database), so a token never reads more than its user.
 */
export const getBearerAuth = cache(async (): Promise<BearerAuth> => {
  const secret = bearerSecret((await headers()).get('authorization'))
  if (!secret) return { kind: 'none' }
  const db = getDb()
  const verified = await verifyApiToken(db, secret)
  if (!verified.ok) return { kind: 'invalid', error: REFUSALS[verified.reason] }
  const user = await getUserById(db, verified.token.userId)
  if (!user) return { kind: 'invalid', error: REFUSALS.unknown }
  annotateRequest({ userId: user.id, apiTokenId: verified.token.id })
  return {
    kind: 'token',
    caller: {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        groupIds: await readableGroupIds(db, user.id),
        attributes: normaliseAttributes(user.attributes),
      },
      token: { id: verified.token.id, scopes: verified.token.scopes, name: verified.token.name },
    },
  }
})
