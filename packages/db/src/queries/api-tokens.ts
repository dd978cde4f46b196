import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type ApiTokenScope, scopesForRole } from '../api-tokens/scopes'
import {
  displayPrefix,
  generateTokenSecret,
  hashTokenSecret,
  isWellFormedTokenSecret,
} from '../api-tokens/secret'
import type { Database, DbOrTx } from '../client'
import { type ApiTokenKind, apiTokens, users } from '../schema'
import { recordAudit } from './audit'

/** Tokens can live at most a year: a forgotten token should die on its own. */
export const MAX_TOKEN_DAYS = 365
/** last_used_at is refreshed at most this often per token. */
const LAST_USED_RESOLUTION = '1 minute'

export type ApiTokenStatus = 'active' | 'expired' | 'revoked'

export type ApiTokenSummary = {
  id: string
  name: string
  kind: ApiTokenKind
  prefix: string
  scopes: string[]
  createdAt: Date
  expiresAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  status: ApiTokenStatus
  userId: string
  userEmail: string
  userName: string
  createdByEmail: string | null
}

export type NewApiToken = {
  /** The account the token acts as. */
  userId: string
  name: string
  kind: ApiTokenKind
  scopes: ApiTokenScope[]
  expiresInDays: number
  /** Who creates it (the user for a personal token, an admin for a service token). */
  actorId: string | null
}

export type CreatedApiToken =
  | { ok: true; token: ApiTokenSummary; secret: string }
  | { ok: false; reason: 'not-found' | 'scope-not-allowed'; detail?: string }

const creators = alias(users, 'creators')

const statusOf = sql<ApiTokenStatus>`case when ${apiTokens.revokedAt} is not null then 'revoked' when ${apiTokens.expiresAt} <= now() then 'expired' else 'active' end`

function selectSummaries(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      kind: apiTokens.kind,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      status: statusOf,
      userId: apiTokens.userId,
      userEmail: users.email,
      userName: users.name,
      createdByEmail: creators.email,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(creators, eq(creators.id, apiTokens.createdById))
    .where(where)
    .orderBy(desc(apiTokens.createdAt), apiTokens.id)
}

/**
 * Creates a token and returns its secret — the only time the secret exists outside the caller's hands.
 * Scopes the account's role can make no use of are refused rather than stored as dead weight.
 */
export async function createApiToken(db: Database, input: NewApiToken): Promise<CreatedApiToken> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId))
    if (!user) return { ok: false, reason: 'not-found' }
    const allowed = scopesForRole(user.role)
    const refused = input.scopes.filter((scope) => !allowed.includes(scope))
    if (refused.length > 0)
      return {
        ok: false,
        reason: 'scope-not-allowed',
        detail: `A ${user.role} account cannot use ${refused.join(', ')}; allowed: ${allowed.join(', ')}.`,
      }
    const secret = generateTokenSecret()
    const days = Math.min(Math.max(1, Math.floor(input.expiresInDays)), MAX_TOKEN_DAYS)
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: input.userId,
        name: input.name,
        kind: input.kind,
        prefix: displayPrefix(secret),
        secretHash: hashTokenSecret(secret),
        scopes: [...new Set(input.scopes)],
        createdById: input.actorId,
        expiresAt: sql`now() + make_interval(days => ${days})`,
      })
      .returning({ id: apiTokens.id })
    if (!row) throw new Error('Could not store the API token')
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'token.create',
      targetType: 'api_token',
      targetId: row.id,
      details: { name: input.name, kind: input.kind, scopes: input.scopes, days, userId: input.userId },
    })
    const [token] = await selectSummaries(tx, eq(apiTokens.id, row.id))
    if (!token) throw new Error('Could not read back the API token')
    return { ok: true, token, secret }
  })
}

/** One user's tokens (their settings page), or every token (the admin list), newest first. */
export async function listApiTokens(
  db: DbOrTx,
  filter: { userId?: string } = {},
): Promise<ApiTokenSummary[]> {
  return selectSummaries(db, filter.userId ? eq(apiTokens.userId, filter.userId) : undefined)
}

export type TokenRevocation = { ok: true; changed: boolean } | { ok: false; reason: 'not-found' }

/**
 * Revokes a token at once (the next request with it is a 401). With `ownerId`, only that user's token:
 * someone else's id is `not-found`, as if it did not exist. Revoking twice changes nothing.
 */
export async function revokeApiToken(
  db: Database,
  input: { tokenId: string; actorId: string; ownerId?: string },
): Promise<TokenRevocation> {
  return db.transaction(async (tx) => {
    const owner = input.ownerId ? eq(apiTokens.userId, input.ownerId) : undefined
    const [token] = await tx
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        userId: apiTokens.userId,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, input.tokenId), owner))
      .for('update')
    if (!token) return { ok: false, reason: 'not-found' }
    if (token.revokedAt) return { ok: true, changed: false }
    await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()`, revokedById: input.actorId })
      .where(eq(apiTokens.id, token.id))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'token.revoke',
      targetType: 'api_token',
      targetId: token.id,
      details: { name: token.name, userId: token.userId },
    })
    return { ok: true, changed: true }
  })
}

export type VerifiedApiToken = {
  id: string
  userId: string
  name: string
  kind: ApiTokenKind
  scopes: string[]
}

export type TokenVerification =
  | { ok: true; token: VerifiedApiToken }
  | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired'; expiredAt?: Date }

/**
 * The token a request presents, by the hash of its secret. Revoked and expired tokens are refused; a
 * good one has its last-used time refreshed (at most once a minute, so busy tokens cost no write per call).
 */
export async function verifyApiToken(db: DbOrTx, secret: string): Promise<TokenVerification> {
  if (!isWellFormedTokenSecret(secret)) return { ok: false, reason: 'malformed' }
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      name: apiTokens.name,
      kind: apiTokens.kind,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revoked: sql<boolean>`${apiTokens.revokedAt} is not null`,
      expired: sql<boolean>`${apiTokens.expiresAt} <= now()`,
    })
    .from(apiTokens)
    .where(eq(apiTokens.secretHash, hashTokenSecret(secret)))
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.revoked) return { ok: false, reason: 'revoked' }
  if (row.expired) return { ok: false, reason: 'expired', expiredAt: row.expiresAt }
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.id),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - ${LAST_USED_RESOLUTION}::interval)`,
      ),
    )
  const { id, userId, name, kind, scopes } = row
  return { ok: true, token: { id, userId, name, kind, scopes } }
}
