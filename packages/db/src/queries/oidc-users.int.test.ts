import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestDatabase, type TestDatabase, truncateAll } from '../testing'
import { type OidcSignIn, signInOidcUser } from './oidc-users'
import { getUserByEmail, getUserById, upsertUser } from './users'

let t: TestDatabase

beforeAll(async () => {
  t = await startTestDatabase()
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(async () => {
  await truncateAll(t)
})

const ISSUER = 'https://login.example.com/realms/acme'
const olivia = (overrides: Partial<OidcSignIn> = {}): OidcSignIn => ({
  issuer: ISSUER,
  subject: 'sub-olivia',
  email: 'olivia@example.com',
  emailVerified: true,
  name: 'Olivia',
  role: 'analyst',
  groups: ['hr'],
  ...overrides,
})

const groupNames = async (userId: string) =>
  (
    await t.pool.query<{ name: string }>(
      'select g.name from user_groups ug join groups g on g.id = ug.group_id where ug.user_id = $1 order by 1',
      [userId],
    )
  ).rows.map((r) => r.name)

describe('signInOidcUser: accounts are keyed by issuer + subject', () => {
  it('creates an account, and keeps it when the e-mail changes at the provider', async () => {
    const first = await signInOidcUser(t.db, olivia())
    expect(first).toMatchObject({ ok: true, outcome: 'created' })
    const userId = first.ok ? first.userId : ''
    expect(await getUserById(t.db, userId)).toMatchObject({
      email: 'olivia@example.com',
      role: 'analyst',
      oidcIssuer: ISSUER,
      oidcSubject: 'sub-olivia',
    })
    expect(await groupNames(userId)).toEqual(['hr'])

    const renamed = await signInOidcUser(
      t.db,
      olivia({ email: 'Olivia.Married@Example.com', role: 'employee', groups: ['finance'] }),
    )
    expect(renamed).toEqual({ ok: true, userId, outcome: 'signed-in' })
    expect(await getUserById(t.db, userId)).toMatchObject({
      email: 'olivia.married@example.com',
      role: 'employee',
    })
    expect(await groupNames(userId)).toEqual(['finance'])
    expect(await getUserByEmail(t.db, 'olivia@example.com')).toBeNull()
  })

  it('links a seeded account on its first OIDC sign-in, only with a verified e-mail', async () => {
    const seeded = await upsertUser(t.db, { email: 'olivia@example.com', name: 'Olivia', role: 'employee' })
    for (const emailVerified of [undefined, false]) {
      const refused = await signInOidcUser(t.db, olivia({ emailVerified }))
      expect(refused).toMatchObject({ ok: false, reason: 'link-needs-verified-email' })
      expect(refused.ok ? '' : refused.message).toContain('confirms this e-mail address (email_verified)')
      expect(await getUserById(t.db, seeded)).toMatchObject({ oidcSubject: null, role: 'employee' })
    }
    expect(await signInOidcUser(t.db, olivia())).toEqual({ ok: true, userId: seeded, outcome: 'linked' })
    expect(await getUserById(t.db, seeded)).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: 'sub-olivia' })
  })

  it('refuses a new subject that claims the e-mail of an account bound to another identity', async () => {
    const owner = await signInOidcUser(t.db, olivia())
    const intruder = await signInOidcUser(t.db, olivia({ subject: 'sub-intruder', role: 'admin' }))
    expect(intruder).toMatchObject({ ok: false, reason: 'email-taken' })
    expect(intruder.ok ? '' : intruder.message).toContain(
      'The e-mail address olivia@example.com belongs to another Policy Desk account',
    )
    // The same subject from another issuer is another identity, too.
    expect(await signInOidcUser(t.db, olivia({ issuer: 'https://other.example.com' }))).toMatchObject({
      ok: false,
      reason: 'email-taken',
    })
    expect(await getUserById(t.db, owner.ok ? owner.userId : '')).toMatchObject({
      role: 'analyst',
      oidcSubject: 'sub-olivia',
    })
  })

  it('refuses an e-mail change to an address another account holds, leaving both accounts as they were', async () => {
    const first = await signInOidcUser(t.db, olivia())
    await upsertUser(t.db, { email: 'boss@example.com', name: 'Boss', role: 'admin' })
    expect(await signInOidcUser(t.db, olivia({ email: 'boss@example.com' }))).toMatchObject({
      ok: false,
      reason: 'email-taken',
    })
    expect(await getUserById(t.db, first.ok ? first.userId : '')).toMatchObject({
      email: 'olivia@example.com',
    })
    expect(await getUserByEmail(t.db, 'boss@example.com')).toMatchObject({ role: 'admin', oidcSubject: null })
  })
})
