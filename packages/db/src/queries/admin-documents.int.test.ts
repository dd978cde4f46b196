import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentAccess, setDocumentGroups } from '../access'
import { chunks, documents, documentVersions, type VersionStatus } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import {
  changeDocumentAccess,
  deleteDocumentWithAudit,
  purgeDocumentWithAudit,
  retryFailedVersion,
} from './admin-document-actions'
import { getAdminDocument, listDocumentTags, searchDocuments, uniqueDocumentSlug } from './admin-documents'
import {
  getVersionOriginal,
  getVersionStatuses,
  listVersionChunks,
  listVersionHistory,
} from './admin-versions'
import { listAuditLog } from './audit'
import { getCorpusRevision } from './corpus'
import { getUserByEmail } from './users'

let t: TestDatabase
let admin: string

type Seed = { slug: string; title: string; status: VersionStatus; tags?: string[]; groups?: string[] }

async function seedDocument(seed: Seed) {
  const [doc] = await t.db
    .insert(documents)
    .values({ slug: seed.slug, title: seed.title, sourceName: `${seed.slug}.pdf`, tags: seed.tags ?? [] })
    .returning({ id: documents.id })
  if (!doc) throw new Error('no document')
  const [version] = await t.db
    .insert(documentVersions)
    .values({
      documentId: doc.id,
      versionNo: 1,
      sha256: seed.slug,
      sizeBytes: 1234,
      declaredMime: 'application/pdf',
      content: Buffer.from(`%PDF-1.4 ${seed.slug}`),
      status: seed.status,
      stage: seed.status === 'processing' ? 'embedding' : seed.status,
      error: seed.status === 'failed' ? 'The PDF is damaged' : null,
      chunkCount: seed.status === 'ready' ? 2 : 0,
      createdBy: admin,
    })
    .returning({ id: documentVersions.id })
  if (!version) throw new Error('no version')
  if (seed.status === 'ready') {
    await t.db.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, doc.id))
    await t.db.insert(chunks).values(
      [0, 1].map((ordinal) => ({
        versionId: version.id,
        ordinal,
        headingPath: ['Policy', `Section ${ordinal + 1}`],
        heading: `Policy > Section ${ordinal + 1}`,
        text: `Chunk ${ordinal} of ${seed.title}`,
        charStart: ordinal * 100,
        charEnd: ordinal * 100 + 99,
        pageStart: ordinal + 1,
        pageEnd: ordinal + 1,
        tokenCount: 20 + ordinal,
      })),
    )
  }
  await setDocumentGroups(t.db, doc.id, seed.groups ?? ['everyone'])
  return { documentId: doc.id, versionId: version.id }
}

let travel: { documentId: string; versionId: string }
let broken: { documentId: string; versionId: string }

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  admin = (await getUserByEmail(t.db, 'admin@example.com'))?.id ?? ''
  travel = await seedDocument({ slug: 'travel', title: 'Travel Policy', status: 'ready', tags: ['finance'] })
  broken = await seedDocument({ slug: 'broken', title: 'Broken_Upload 100%', status: 'failed' })
  await seedDocument({
    slug: 'bands',
    title: 'Compensation bands',
    status: 'ready',
    groups: ['hr'],
    tags: ['hr'],
  })
  await seedDocument({ slug: 'leave', title: 'Leave policy', status: 'processing', tags: ['hr', 'leave'] })
  await seedDocument({ slug: 'queued', title: 'Another travel note', status: 'queued' })
})
afterAll(async () => {
  await t?.stop()
})

const titles = (rows: { title: string }[]) => rows.map((r) => r.title)

describe('searchDocuments', () => {
  it('searches, filters, sorts and paginates in SQL with a total', async () => {
    const all = await searchDocuments(t.db, { limit: 2, offset: 0 })
    expect(all.total).toBe(5)
    expect(titles(all.rows)).toEqual(['Another travel note', 'Broken_Upload 100%'])
    const page2 = await searchDocuments(t.db, { limit: 2, offset: 2 })
    expect(titles(page2.rows)).toEqual(['Compensation bands', 'Leave policy'])

    expect(titles((await searchDocuments(t.db, { query: 'TRAVEL', limit: 10, offset: 0 })).rows)).toEqual([
      'Another travel note',
      'Travel Policy',
    ])
    expect(titles((await searchDocuments(t.db, { query: '100%', limit: 10, offset: 0 })).rows)).toEqual([
      'Broken_Upload 100%',
    ])
    expect((await searchDocuments(t.db, { query: '_', limit: 10, offset: 0 })).total).toBe(1)
    const failed = await searchDocuments(t.db, { status: 'failed', limit: 10, offset: 0 })
    expect(failed.rows[0]).toMatchObject({
      title: 'Broken_Upload 100%',
      error: 'The PDF is damaged',
      stage: 'failed',
    })
    expect(titles((await searchDocuments(t.db, { group: 'hr', limit: 10, offset: 0 })).rows)).toEqual([
      'Compensation bands',
    ])
    expect(titles((await searchDocuments(t.db, { tag: 'hr', limit: 10, offset: 0 })).rows)).toEqual([
      'Compensation bands',
      'Leave policy',
    ])
    const byChunks = await searchDocuments(t.db, { sort: 'chunks', direction: 'desc', limit: 10, offset: 0 })
    expect(byChunks.rows[0]?.chunkCount).toBe(2)
    const travelRow = (await searchDocuments(t.db, { query: 'Travel Policy', limit: 1, offset: 0 })).rows[0]
    expect(travelRow).toMatchObject({
      groups: ['everyone'],
      currentVersionNo: 1,
      latestVersionNo: 1,
      sizeBytes: 1234,
    })
  })

  it('lists the tags in use', async () => {
    expect(await listDocumentTags(t.db)).toEqual(['finance', 'hr', 'leave'])
  })
})

describe('document detail', () => {
  it('shows versions with their uploader, statuses, chunks in order and the original bytes', async () => {
    const detail = await getAdminDocument(t.db, travel.documentId)
    expect(detail).toMatchObject({ title: 'Travel Policy', groups: ['everyone'], purged: false })
    const history = await listVersionHistory(t.db, travel.documentId)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ versionNo: 1, uploaderEmail: 'admin@example.com', hasContent: true })
    const statuses = await getVersionStatuses(t.db, [travel.versionId, broken.versionId])
    expect(statuses.map((s) => s.status).sort()).toEqual(['failed', 'ready'])
    const page = await listVersionChunks(t.db, { versionId: travel.versionId, limit: 1, offset: 1 })
    expect(page.total).toBe(2)
    expect(page.rows[0]).toMatchObject({ ordinal: 1, headingPath: ['Policy', 'Section 2'], pageStart: 2 })
    const original = await getVersionOriginal(t.db, travel)
    expect(original?.content.toString()).toBe('%PDF-1.4 travel')
    expect(
      await getVersionOriginal(t.db, { documentId: broken.documentId, versionId: travel.versionId }),
    ).toBeNull()
  })

  it('tells which groups may read each document', async () => {
    const access = await documentAccess(t.db, [travel.documentId, broken.documentId])
    expect(access.map((a) => a.groupNames)).toEqual([['everyone'], ['everyone']])
    expect(await documentAccess(t.db, [])).toEqual([])
  })

  it('finds a free slug so uploads never fold into another document', async () => {
    expect(await uniqueDocumentSlug(t.db, 'fresh')).toBe('fresh')
    expect(await uniqueDocumentSlug(t.db, 'travel')).toBe('travel-2')
  })
})

describe('admin document actions', () => {
  it('changes access with an audit row and a corpus revision bump; refuses unknown groups', async () => {
    const before = await getCorpusRevision(t.db)
    const changed = await changeDocumentAccess(t.db, {
      documentId: travel.documentId,
      groupNames: ['hr'],
      actorId: admin,
    })
    expect(changed).toEqual({ ok: true, before: ['everyone'], after: ['hr'], changed: true })
    expect(await getCorpusRevision(t.db)).toBeGreaterThan(before)
    const unknown = await changeDocumentAccess(t.db, {
      documentId: travel.documentId,
      groupNames: ['nope'],
      actorId: admin,
    })
    expect(unknown).toEqual({ ok: false, reason: 'unknown-groups', groups: ['nope'] })
    const log = await listAuditLog(t.db, { action: 'document.access', limit: 10, offset: 0 })
    expect(log.total).toBe(1)
    expect(log.rows[0]).toMatchObject({ actorEmail: 'admin@example.com', targetId: travel.documentId })
    expect(log.rows[0]?.details).toMatchObject({ before: ['everyone'], after: ['hr'] })
  })

  it('retries only failed versions, once', async () => {
    expect(await retryFailedVersion(t.db, { versionId: travel.versionId, actorId: admin })).toEqual({
      ok: false,
      reason: 'not-failed',
    })
    const retried = await retryFailedVersion(t.db, { versionId: broken.versionId, actorId: admin })
    expect(retried).toMatchObject({ ok: true, documentId: broken.documentId })
    const [status] = await getVersionStatuses(t.db, [broken.versionId])
    expect(status).toMatchObject({ status: 'queued', stage: 'queued', error: null, progress: 0 })
    expect((await retryFailedVersion(t.db, { versionId: broken.versionId, actorId: admin })).ok).toBe(false)
    expect((await listAuditLog(t.db, { action: 'document.retry', limit: 10, offset: 0 })).total).toBe(1)
  })

  it('soft-deletes, then purges with audit rows', async () => {
    const revision = await getCorpusRevision(t.db)
    expect(await deleteDocumentWithAudit(t.db, { documentId: travel.documentId, actorId: admin })).toEqual({
      ok: true,
      title: 'Travel Policy',
    })
    expect(await getCorpusRevision(t.db)).toBeGreaterThan(revision)
    expect((await deleteDocumentWithAudit(t.db, { documentId: travel.documentId, actorId: admin })).ok).toBe(
      false,
    )
    expect((await searchDocuments(t.db, { query: 'Travel Policy', limit: 5, offset: 0 })).total).toBe(0)
    expect((await searchDocuments(t.db, { state: 'deleted', limit: 5, offset: 0 })).total).toBe(1)

    expect((await purgeDocumentWithAudit(t.db, { documentId: travel.documentId, actorId: admin })).ok).toBe(
      true,
    )
    expect(await getAdminDocument(t.db, travel.documentId)).toMatchObject({
      purged: true,
      currentVersionId: null,
    })
    expect(await getVersionOriginal(t.db, travel)).toBeNull()
    expect((await listVersionChunks(t.db, { versionId: travel.versionId, limit: 5, offset: 0 })).total).toBe(
      0,
    )
    const actions = (await listAuditLog(t.db, { limit: 10, offset: 0 })).rows.map((r) => r.action)
    expect(actions.slice(0, 2)).toEqual(['document.purge', 'document.delete'])
    const missing = '00000000-0000-0000-0000-000000000000'
    expect(await purgeDocumentWithAudit(t.db, { documentId: missing, actorId: admin })).toEqual({
      ok: false,
      reason: 'not-found',
    })
  })
})
