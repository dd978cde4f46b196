import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAttributesCsv } from '../profiles/csv'
import { userAttributesPatchSchema } from '../profiles/validation'
import { documents } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { listAuditLog } from './audit'
import { getCorpusRevision } from './corpus'
import {
  dismissSuggestedApplicability,
  getUserAttributes,
  importUserAttributes,
  mergeUserAttributes,
  setDocumentApplicability,
  suggestDocumentApplicability,
  updateUserAttributes,
} from './profiles'
import { getUserByEmail } from './users'
import { listUsersForAdmin } from './users-admin'

let t: TestDatabase
let admin: string
let employee: string

async function userId(email: string): Promise<string> {
  const user = await getUserByEmail(t.db, email)
  if (!user) throw new Error(`missing ${email}`)
  return user.id
}

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  admin = await userId('admin@example.com')
  employee = await userId('employee@example.com')
})
afterAll(async () => {
  await t?.stop()
})

describe('asker profiles', () => {
  it('the demo users have profiles: Lisbon (PT) and Berlin (DE) employees', async () => {
    expect(await getUserAttributes(t.db, employee)).toMatchObject({ country: 'PT', location: 'Lisbon' })
    expect(await getUserAttributes(t.db, await userId('berlin@example.com'))).toMatchObject({
      country: 'DE',
      location: 'Berlin',
    })
    const rows = await listUsersForAdmin(t.db)
    expect(rows.find((u) => u.email === 'hr@example.com')?.attributes.country).toBe('DE')
  })

  it('a patch changes, clears and keeps fields, audited as user.attributes', async () => {
    const patch = userAttributesPatchSchema.parse({ location: 'Porto', level: null })
    const result = await updateUserAttributes(t.db, { userId: employee, patch, actorId: admin })
    expect(result).toMatchObject({ ok: true, changed: true })
    const after = await getUserAttributes(t.db, employee)
    expect(after).toMatchObject({ country: 'PT', location: 'Porto' })
    expect(after.level).toBeUndefined()
    const audit = await listAuditLog(t.db, { action: 'user.attributes', limit: 5, offset: 0 })
    expect(audit.rows[0]?.details).toMatchObject({ email: 'employee@example.com', after })
    expect(await updateUserAttributes(t.db, { userId: employee, patch, actorId: admin })).toMatchObject({
      ok: true,
      changed: false,
    })
  })

  it('a CSV import is all or nothing', async () => {
    const bad = parseAttributesCsv('email,location\nemployee@example.com,Lisbon\nnobody@example.com,Paris\n')
    if (!bad.ok) throw new Error('unreachable')
    expect(await importUserAttributes(t.db, { rows: bad.rows, actorId: admin })).toEqual({
      ok: false,
      errors: [{ line: 3, error: 'no user with e-mail nobody@example.com' }],
    })
    expect((await getUserAttributes(t.db, employee)).location).toBe('Porto')
    const good = parseAttributesCsv('email,location\nemployee@example.com,Lisbon\nhr@example.com,Berlin\n')
    if (!good.ok) throw new Error('unreachable')
    expect(await importUserAttributes(t.db, { rows: good.rows, actorId: admin })).toEqual({
      ok: true,
      updated: 1,
      unchanged: 1,
    })
    expect((await getUserAttributes(t.db, employee)).location).toBe('Lisbon')
  })

  it('sign-in merges asserted attributes and keeps the others', async () => {
    await mergeUserAttributes(t.db, employee, { department: 'Finance' })
    expect(await getUserAttributes(t.db, employee)).toMatchObject({ country: 'PT', department: 'Finance' })
  })
})

describe('document applicability', () => {
  it('set (audited, corpus revision bumped), suggested only when unset, dismissed', async () => {
    const [doc] = await t.db
      .insert(documents)
      .values({ slug: 'leave-pt', title: 'Leave PT', sourceName: 'leave-pt.md' })
      .returning({ id: documents.id })
    const documentId = doc?.id ?? ''
    expect(await suggestDocumentApplicability(t.db, documentId, { countries: ['PT'] })).toBe(true)
    expect(await dismissSuggestedApplicability(t.db, { documentId, actorId: admin })).toEqual({ ok: true })

    const before = await getCorpusRevision(t.db)
    const set = await setDocumentApplicability(t.db, {
      documentId,
      applicability: { countries: ['PT', 'PT'], departments: [] },
      actorId: admin,
    })
    expect(set).toEqual({ ok: true, before: {}, after: { countries: ['PT'] }, changed: true })
    expect(await getCorpusRevision(t.db)).toBeGreaterThan(before)
    expect(await suggestDocumentApplicability(t.db, documentId, { countries: ['DE'] })).toBe(false)
    const audit = await listAuditLog(t.db, { action: 'document.applicability', limit: 5, offset: 0 })
    expect(audit.rows[0]?.details).toMatchObject({ before: {}, after: { countries: ['PT'] } })
    expect(
      await setDocumentApplicability(t.db, {
        documentId: '00000000-0000-4000-8000-000000000000',
        applicability: {},
        actorId: admin,
      }),
    ).toEqual({ ok: false, reason: 'not-found' })
  })
})
