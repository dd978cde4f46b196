import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashTokenSecret } from '../api-tokens/secret'
import { apiTokens } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from './api-tokens'
import { listAuditLog } from './audit'
import { getUserByEmail } from './users'

let t: TestDatabase
let admin: string
let employee: string
let analyst: string

async function userId(email: string): Promise<string> {
  const user = await getUserByEmail(t.db, email)
  if (!user) throw new Error(`missing ${email}`)
  return user.id
}

async function create(
  userId: string,
  scopes: ('chat' | 'search' | 'review:read' | 'documents:write')[] = ['chat'],
) {
  const created = await createApiToken(t.db, {
    userId,
    name: 'laptop script',
    kind: 'personal',
    scopes,
    expiresInDays: 30,
    actorId: userId,
  })
  if (!created.ok) throw new Error(`token not created: ${created.reason}`)
  return created
}

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  admin = await userId('admin@example.com')
  employee = await userId('employee@example.com')
  analyst = await userId('analyst@example.com')
})
afterAll(async () => {
  await t?.stop()
})

describe('API tokens', () => {
  it('stores only the hash of the secret, shown once at creation', async () => {
    const { secret, token } = await create(employee)
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, token.id))
    expect(row?.secretHash).toBe(hashTokenSecret(secret))
    expect(JSON.stringify(row)).not.toContain(secret)
    expect(token).toMatchObject({
      status: 'active',
      prefix: secret.slice(0, 9),
      scopes: ['chat'],
      kind: 'personal',
    })
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000)
    expect(JSON.stringify(await listApiTokens(t.db, { userId: employee }))).not.toContain(secret)
  })

  it('verifies a good secret as its user and scopes, and records the last use', async () => {
    const { secret, token } = await create(analyst, ['search', 'review:read'])
    expect(token.lastUsedAt).toBeNull()
    const verified = await verifyApiToken(t.db, secret)
    expect(verified).toEqual({
      ok: true,
      token: {
        id: token.id,
        userId: analyst,
        name: 'laptop script',
        kind: 'personal',
        scopes: ['search', 'review:read'],
      },
    })
    const [listed] = (await listApiTokens(t.db, { userId: analyst })).filter((x) => x.id === token.id)
    expect(listed?.lastUsedAt).toBeInstanceOf(Date)
  })

  it('refuses malformed and unknown secrets', async () => {
    expect(await verifyApiToken(t.db, 'pd_nope')).toEqual({ ok: false, reason: 'malformed' })
    const { secret } = await create(employee)
    const altered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`
    expect(await verifyApiToken(t.db, altered)).toEqual({ ok: false, reason: 'unknown' })
  })

  it('refuses an expired token', async () => {
    const { secret, token } = await create(employee)
    await t.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, token.id))
    const verified = await verifyApiToken(t.db, secret)
    expect(verified).toMatchObject({ ok: false, reason: 'expired' })
    const [listed] = (await listApiTokens(t.db, { userId: employee })).filter((x) => x.id === token.id)
    expect(listed?.status).toBe('expired')
  })

  it('revokes at once, audited; only the owner (or an admin) can', async () => {
    const { secret, token } = await create(employee)
    expect(await revokeApiToken(t.db, { tokenId: token.id, actorId: analyst, ownerId: analyst })).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect((await verifyApiToken(t.db, secret)).ok).toBe(true)
    expect(await revokeApiToken(t.db, { tokenId: token.id, actorId: employee, ownerId: employee })).toEqual({
      ok: true,
      changed: true,
    })
    expect(await verifyApiToken(t.db, secret)).toEqual({ ok: false, reason: 'revoked' })
    expect(await revokeApiToken(t.db, { tokenId: token.id, actorId: admin })).toEqual({
      ok: true,
      changed: false,
    })
    const audit = await listAuditLog(t.db, { action: 'token.revoke', limit: 10, offset: 0 })
    expect(audit.rows.filter((r) => r.targetId === token.id)).toHaveLength(1)
    const created = await listAuditLog(t.db, { action: 'token.create', limit: 50, offset: 0 })
    expect(created.rows.find((r) => r.targetId === token.id)?.details).toMatchObject({ scopes: ['chat'] })
  })

  it('refuses scopes the account’s role can make no use of', async () => {
    const refused = await createApiToken(t.db, {
      userId: employee,
      name: 'x',
      kind: 'personal',
      scopes: ['chat', 'review:read'],
      expiresInDays: 7,
      actorId: employee,
    })
    expect(refused).toMatchObject({ ok: false, reason: 'scope-not-allowed' })
    const service = await createApiToken(t.db, {
      userId: analyst,
      name: 'review bot',
      kind: 'service',
      scopes: ['review:read'],
      expiresInDays: 900,
      actorId: admin,
    })
    expect(service.ok).toBe(true)
    if (!service.ok) return
    // Capped at a year.
    expect(service.token.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(365 * 86_400_000 + 60_000)
    expect(service.token.createdByEmail).toBe('admin@example.com')
    const all = await listApiTokens(t.db)
    expect(all.some((x) => x.userId === employee) && all.some((x) => x.userId === analyst)).toBe(true)
  })

  it('unknown users get no token', async () => {
    const refused = await createApiToken(t.db, {
      userId: '00000000-0000-4000-8000-000000000000',
      name: 'x',
      kind: 'service',
      scopes: ['chat'],
      expiresInDays: 7,
      actorId: admin,
    })
    expect(refused).toEqual({ ok: false, reason: 'not-found' })
  })
})
