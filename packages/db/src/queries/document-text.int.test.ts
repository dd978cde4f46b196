import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDocumentGroups } from '../access'
import { chunks, documents, documentVersions } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { readableDocumentText } from './document-text'
import { readableGroupIds } from './groups'
import { getUserByEmail } from './users'

let t: TestDatabase
let employeeGroups: string[]
let hrGroups: string[]

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  employeeGroups = await readableGroupIds(
    t.db,
    (await getUserByEmail(t.db, 'employee@example.com'))?.id ?? '',
  )
  hrGroups = await readableGroupIds(t.db, (await getUserByEmail(t.db, 'hr@example.com'))?.id ?? '')
})
afterAll(async () => {
  await t?.stop()
})

/** A document with two versions, each with passages given as [text, charStart]. */
async function makeDocument(group: string, versions: [string, number][][]) {
  const [doc] = await t.db
    .insert(documents)
    .values({ slug: `doc-${group}-${Date.now()}`, title: 'Pay bands', sourceName: 'bands.md' })
    .returning({ id: documents.id })
  if (!doc) throw new Error('no document')
  const versionIds: string[] = []
  for (const [index, passages] of versions.entries()) {
    const [version] = await t.db
      .insert(documentVersions)
      .values({
        documentId: doc.id,
        versionNo: index + 1,
        sha256: `sha-${index}-${doc.id}`,
        sizeBytes: 10,
        declaredMime: 'text/markdown',
        status: 'ready',
      })
      .returning({ id: documentVersions.id })
    if (!version) throw new Error('no version')
    versionIds.push(version.id)
    // Stored out of order: the query returns reading order.
    for (const [ordinal, [text, charStart]] of [...passages.entries()].reverse()) {
      await t.db.insert(chunks).values({
        versionId: version.id,
        ordinal,
        text,
        charStart,
        charEnd: charStart + text.length,
        tokenCount: 3,
        headingPath: ['Bands', `Part ${ordinal}`],
      })
    }
  }
  await t.db
    .update(documents)
    .set({ currentVersionId: versionIds.at(-1) })
    .where(eq(documents.id, doc.id))
  await setDocumentGroups(t.db, doc.id, [group])
  return { documentId: doc.id, versionIds }
}

describe('readableDocumentText', () => {
  it('gives the current version’s passages in reading order to a reader of the document', async () => {
    const doc = await makeDocument('hr', [
      [['old text', 0]],
      [
        ['L3 46k', 0],
        ['L4 60k', 8],
      ],
    ])
    const text = await readableDocumentText(t.db, { documentId: doc.documentId, groupIds: hrGroups })
    expect(text).toMatchObject({ title: 'Pay bands', versionNo: 2, mime: 'text/markdown' })
    expect(text?.passages.map((p) => [p.ordinal, p.text, p.charStart])).toEqual([
      [0, 'L3 46k', 0],
      [1, 'L4 60k', 8],
    ])
  })

  it('gives an older version when asked by id, and nothing for another document’s version', async () => {
    const doc = await makeDocument('hr', [[['old text', 0]], [['new text', 0]]])
    const other = await makeDocument('hr', [[['other', 0]]])
    const old = await readableDocumentText(t.db, {
      documentId: doc.documentId,
      versionId: doc.versionIds[0],
      groupIds: hrGroups,
    })
    expect(old?.passages.map((p) => p.text)).toEqual(['old text'])
    expect(
      await readableDocumentText(t.db, {
        documentId: doc.documentId,
        versionId: other.versionIds[0],
        groupIds: hrGroups,
      }),
    ).toBeNull()
  })

  it('returns nothing to readers outside the document’s groups, nor for a deleted document', async () => {
    const doc = await makeDocument('hr', [[['L3 46k', 0]]])
    expect(
      await readableDocumentText(t.db, { documentId: doc.documentId, groupIds: employeeGroups }),
    ).toBeNull()
    expect(await readableDocumentText(t.db, { documentId: doc.documentId, groupIds: [] })).toBeNull()
    await t.db.update(documents).set({ deletedAt: new Date() }).where(eq(documents.id, doc.documentId))
    expect(await readableDocumentText(t.db, { documentId: doc.documentId, groupIds: hrGroups })).toBeNull()
  })
})
