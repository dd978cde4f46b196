import { findDocumentBySlug, schema } from '@policydesk/db'
import { startTestDatabase, type TestDatabase, truncateAll } from '@policydesk/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { submitDocumentVersion } from './submit'

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

const input = (text: string) => ({ sourceName: 'leave.md', bytes: Buffer.from(`# Leave\n\n${text}`) })

describe('submitDocumentVersion', () => {
  it('stores a new version once; identical bytes return it, new bytes add the next version', async () => {
    const first = await submitDocumentVersion(t.db, input('25 days.'))
    const again = await submitDocumentVersion(t.db, input('25 days.'))
    const next = await submitDocumentVersion(t.db, input('26 days.'))
    expect(first).toMatchObject({ created: true, versionNo: 1, status: 'queued' })
    expect(again).toEqual({
      ...first,
      created: false,
      documentCreated: false,
      access: { before: ['everyone'], current: ['everyone'], pending: null },
    })
    expect(next).toMatchObject({ created: true, versionNo: 2, documentId: first.documentId })
  })

  it("joins the caller's transaction: the caller's failure leaves neither document nor version", async () => {
    const failure = new Error('the audit insert failed')
    await expect(
      t.db.transaction(async (tx) => {
        const submitted = await submitDocumentVersion(tx, input('25 days.'))
        expect(submitted.created).toBe(true)
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(await findDocumentBySlug(t.db, 'leave')).toBeNull()
    expect(await t.db.select().from(schema.documentVersions)).toEqual([])

    await t.db.transaction(async (tx) => {
      const submitted = await submitDocumentVersion(tx, input('25 days.'))
      await tx.insert(schema.auditLog).values({
        actorId: null,
        action: 'document.upload',
        targetType: 'document',
        targetId: submitted.documentId,
        details: {},
      })
    })
    const doc = await findDocumentBySlug(t.db, 'leave')
    expect(doc).toBeDefined()
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, doc?.id ?? ''))
    expect(audit).toHaveLength(1)
  })
})
