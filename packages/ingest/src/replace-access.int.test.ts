import {
  changeDocumentAccess,
  documentGroupNames,
  ensureGroup,
  getUserByEmail,
  getVersion,
  listAuditLog,
  seedDemoUsers,
} from '@policydesk/db'
import { startTestDatabase, type TestDatabase, truncateAll } from '@policydesk/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createEmbeddingProvider } from './embed/provider'
import { processVersion } from './process-version'
import { GroupsConflict } from './replace-access'
import { type SubmitInput, submitDocumentVersion } from './submit'

let t: TestDatabase
let adminId: string

beforeAll(async () => {
  t = await startTestDatabase()
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(async () => {
  await truncateAll(t)
  await seedDemoUsers(t.db)
  adminId = (await getUserByEmail(t.db, 'admin@example.com'))?.id ?? ''
})

const embedder = createEmbeddingProvider()
const limits = { maxAttempts: 3, timeoutMs: 60_000 }
const processNow = (versionId: string) =>
  processVersion({ db: t.db, embedder, maxBytes: 5e6, limits }, versionId)

const salaries = (text: string, extra: Partial<SubmitInput> = {}) =>
  submitDocumentVersion(t.db, {
    sourceName: 'salary-bands.md',
    bytes: Buffer.from(text ? `# Salary Bands\n\n## Bands\n\n${text}\n` : ''),
    createdBy: adminId,
    ...extra,
  })

/** An hr-only document with a ready first version. */
async function hrDocument(groups = ['hr']) {
  const v1 = await salaries('L4 is paid 70,000 to 82,000 EUR.', { groups })
  expect(await processNow(v1.versionId)).toMatchObject({ status: 'ready' })
  return v1
}

const groupsOf = (documentId: string) => documentGroupNames(t.db, documentId)
const accessLog = async () =>
  (await listAuditLog(t.db, { action: 'document.access', limit: 10, offset: 0 })).rows
    .reverse()
    .map((r) => r.details)

describe('a new version never changes who may read a document unless asked to', () => {
  it('refuses different groups for an existing document, naming it and both group sets; stores nothing', async () => {
    const v1 = await hrDocument()
    const refused = salaries('L4 is paid 72,000 to 84,000 EUR.', { groups: ['everyone'] })
    await expect(refused).rejects.toBeInstanceOf(GroupsConflict)
    await expect(refused).rejects.toThrow(
      '"Salary Bands" (salary-bands) already exists and is readable by hr; the groups given are everyone.',
    )
    expect(await groupsOf(v1.documentId)).toEqual(['hr'])
    const { rows } = await t.pool.query('select id from document_versions where document_id = $1', [
      v1.documentId,
    ])
    expect(rows).toHaveLength(1)

    // Without groups, or with the same ones, the new version keeps them.
    const v2 = await salaries('L4 is paid 72,000 to 84,000 EUR.')
    expect(v2).toMatchObject({ versionNo: 2, access: { before: ['hr'], current: ['hr'], pending: null } })
    const v3 = await salaries('L4 is paid 73,000 to 85,000 EUR.', { groups: ['hr'] })
    expect(v3).toMatchObject({ versionNo: 3, access: { current: ['hr'], pending: null } })
    expect(await accessLog()).toEqual([])
  })
})

describe('replace with new groups: removals now, additions with the version', () => {
  it('widening waits for the new version and is applied in the transaction that makes it current', async () => {
    const v1 = await hrDocument()
    const v2 = await salaries('Bands are published to everyone from now on.', {
      groups: ['everyone'],
      existingGroups: 'replace',
    })
    expect(v2.access).toEqual({ before: ['hr'], current: ['hr'], pending: ['everyone'] })
    // Queued: employees still cannot read the hr version that is current.
    expect(await groupsOf(v1.documentId)).toEqual(['hr'])
    expect((await getVersion(t.db, v2.versionId))?.pendingGroups).toEqual(['everyone'])
    // The request is on record at once; the change itself is not.
    expect(await accessLog()).toEqual([
      {
        title: 'Salary Bands',
        before: ['hr'],
        after: ['hr'],
        via: 'api',
        pending: ['everyone'],
        pendingVersionNo: 2,
      },
    ])

    expect(await processNow(v2.versionId)).toMatchObject({ status: 'ready' })
    expect(await groupsOf(v1.documentId)).toEqual(['everyone'])
    expect((await getVersion(t.db, v2.versionId))?.pendingGroups).toBeNull()
    const log = await listAuditLog(t.db, { action: 'document.access', limit: 10, offset: 0 })
    expect(log.rows).toHaveLength(2)
    expect(log.rows[0]).toMatchObject({
      actorId: adminId,
      details: { title: 'Salary Bands', before: ['hr'], after: ['everyone'], appliedWithVersionNo: 2 },
    })
  })

  it('a widening replace whose version fails grants nothing', async () => {
    const v1 = await hrDocument()
    const broken = await salaries('', { groups: ['everyone'], existingGroups: 'replace' })
    expect(await processNow(broken.versionId)).toEqual({ status: 'failed', error: 'The file is empty' })
    expect(await groupsOf(v1.documentId)).toEqual(['hr'])
    expect((await getVersion(t.db, broken.versionId))?.pendingGroups).toBeNull()
    // Only the request is on record: no entry claims a change that never happened.
    expect(await accessLog()).toEqual([expect.objectContaining({ before: ['hr'], after: ['hr'] })])
  })

  it('narrowing applies at once; a mixed change removes now and adds when the version is ready', async () => {
    const v1 = await hrDocument(['finance', 'hr'])
    const narrowed = await salaries('Only finance reads this now.', {
      groups: ['finance'],
      existingGroups: 'replace',
    })
    expect(narrowed.access).toEqual({ before: ['finance', 'hr'], current: ['finance'], pending: null })
    expect(await groupsOf(v1.documentId)).toEqual(['finance'])

    const mixed = await salaries('Legal reads this too, finance no longer.', {
      groups: ['legal'],
      existingGroups: 'replace',
      via: 'cli',
    })
    // finance loses access at once; legal gains it only with the new version: meanwhile no group.
    expect(mixed.access).toEqual({ before: ['finance'], current: [], pending: ['legal'] })
    expect(await groupsOf(v1.documentId)).toEqual([])
    expect(await processNow(narrowed.versionId)).toMatchObject({ status: 'ready' })
    expect(await groupsOf(v1.documentId)).toEqual([])
    expect(await processNow(mixed.versionId)).toMatchObject({ status: 'ready' })
    expect(await groupsOf(v1.documentId)).toEqual(['legal'])
    expect(await accessLog()).toEqual([
      expect.objectContaining({ before: ['finance', 'hr'], after: ['finance'], via: 'api' }),
      expect.objectContaining({
        before: ['finance'],
        after: [],
        pending: ['legal'],
        pendingVersionNo: 3,
        via: 'cli',
      }),
      expect.objectContaining({ before: [], after: ['legal'], appliedWithVersionNo: 3 }),
    ])
  })

  it('pending groups of a version overtaken by a newer one are dropped, not applied', async () => {
    const v1 = await hrDocument()
    const widening = await salaries('Everyone may read the bands.', {
      groups: ['everyone'],
      existingGroups: 'replace',
    })
    const newer = await salaries('A newer text, access unchanged.')
    expect(await processNow(newer.versionId)).toMatchObject({ status: 'ready' })
    expect(await processNow(widening.versionId)).toMatchObject({ status: 'ready' })
    expect(await groupsOf(v1.documentId)).toEqual(['hr'])
    expect((await getVersion(t.db, widening.versionId))?.pendingGroups).toBeNull()
  })

  it('identical bytes to the current version apply the new groups at once', async () => {
    const v1 = await hrDocument()
    const same = await salaries('L4 is paid 70,000 to 82,000 EUR.', {
      groups: ['everyone'],
      existingGroups: 'replace',
    })
    expect(same).toMatchObject({ created: false, versionId: v1.versionId })
    expect(same.access).toEqual({ before: ['hr'], current: ['everyone'], pending: null })
    expect(await groupsOf(v1.documentId)).toEqual(['everyone'])
  })

  it('an explicit access change supersedes groups waiting for a version', async () => {
    const v1 = await hrDocument()
    const widening = await salaries('Everyone may read the bands.', {
      groups: ['everyone'],
      existingGroups: 'replace',
    })
    await ensureGroup(t.db, 'finance')
    const change = await changeDocumentAccess(t.db, {
      actorId: adminId,
      documentId: v1.documentId,
      groupNames: ['finance', 'hr'],
    })
    expect(change).toMatchObject({ ok: true, changed: true })
    expect(await processNow(widening.versionId)).toMatchObject({ status: 'ready' })
    expect(await groupsOf(v1.documentId)).toEqual(['finance', 'hr'])
  })
})
