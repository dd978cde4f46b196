import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDocumentGroups } from '../access'
import { answerTraces, chunks, documents, documentVersions } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import {
  addAnswerMessage,
  addMessage,
  citationSources,
  conversationTurns,
  createConversation,
  createConversationWithQuestion,
  getConversation,
  listConversations,
  listMessages,
  renameConversation,
  softDeleteConversation,
} from './conversations'
import { readableDocumentOriginal } from './document-original'
import { getFeedbackForTrace, listRecentFeedback, upsertFeedback } from './feedback'
import { readableGroupIds } from './groups'
import { getUserByEmail, getUserWithReadableGroups } from './users'

let t: TestDatabase
let employee: string
let hr: string

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  employee = (await getUserByEmail(t.db, 'employee@example.com'))?.id ?? ''
  hr = (await getUserByEmail(t.db, 'hr@example.com'))?.id ?? ''
})
afterAll(async () => {
  await t?.stop()
})

async function traceFor(userId: string, conversationId: string): Promise<string> {
  const [row] = await t.db
    .insert(answerTraces)
    .values({
      userId,
      conversationId,
      question: 'q',
      rewrittenQuery: 'q',
      answer: 'a',
      abstained: false,
      candidates: [],
      citations: [],
      validation: { valid: true, invalidCitations: [], sentences: [], supportedSentenceRate: 1 },
      versionIds: [],
      groupIds: [],
      promptVersion: 'test',
      model: 'test',
      embeddingModel: 'test',
      latencyMs: {},
      totalMs: 1,
    })
    .returning({ id: answerTraces.id })
  if (!row) throw new Error('no trace')
  return row.id
}

describe('conversations', () => {
  it('are private to their owner, renamable and soft-deletable', async () => {
    const c = await createConversation(t.db, { userId: employee, title: 'Leave' })
    expect(await getConversation(t.db, { id: c.id, userId: hr })).toBeNull()
    expect(await renameConversation(t.db, { id: c.id, userId: hr, title: 'x' })).toBeNull()
    expect(
      (await renameConversation(t.db, { id: c.id, userId: employee, title: 'Annual leave' }))?.title,
    ).toBe('Annual leave')
    expect((await listConversations(t.db, { userId: employee })).map((x) => x.id)).toContain(c.id)
    expect(await softDeleteConversation(t.db, { id: c.id, userId: hr })).toBe(false)
    expect(await softDeleteConversation(t.db, { id: c.id, userId: employee })).toBe(true)
    expect(await getConversation(t.db, { id: c.id, userId: employee })).toBeNull()
    expect((await listConversations(t.db, { userId: employee })).map((x) => x.id)).not.toContain(c.id)
  })

  it('keep messages in order with the trace and the rating of each answer', async () => {
    const c = await createConversation(t.db, { userId: employee, title: 'Expenses' })
    await addMessage(t.db, { conversationId: c.id, role: 'user', content: 'How much?' })
    const traceId = await traceFor(employee, c.id)
    await addMessage(t.db, { conversationId: c.id, role: 'assistant', content: 'EUR 40.', traceId })
    expect(await upsertFeedback(t.db, { traceId, userId: hr, rating: 'up' })).toBeNull()
    await upsertFeedback(t.db, { traceId, userId: employee, rating: 'up' })
    await upsertFeedback(t.db, {
      traceId,
      userId: employee,
      rating: 'down',
      reason: 'outdated',
      comment: 'old',
    })
    expect(await getFeedbackForTrace(t.db, traceId)).toMatchObject({ rating: 'down', reason: 'outdated' })
    const reviewer = { role: 'analyst' as const, groupIds: await readableGroupIds(t.db, employee) }
    expect((await listRecentFeedback(t.db, reviewer)).filter((f) => f.traceId === traceId)).toHaveLength(1)

    const groupIds = await readableGroupIds(t.db, employee)
    const messages = await listMessages(t.db, { conversationId: c.id, groupIds })
    expect(messages.map((m) => [m.role, m.content, m.rating, m.curated])).toEqual([
      ['user', 'How much?', null, false],
      ['assistant', 'EUR 40.', 'down', false],
    ])
    expect(await conversationTurns(t.db, { conversationId: c.id, groupIds })).toEqual([
      { role: 'user', content: 'How much?' },
      { role: 'assistant', content: 'EUR 40.' },
    ])
  })

  it("the chat's one-statement writes: a conversation with its question, an answer that moves it up", async () => {
    const older = await createConversation(t.db, { userId: employee, title: 'Older' })
    const c = await createConversationWithQuestion(t.db, {
      userId: employee,
      title: 'Parking',
      question: 'Is there parking?',
    })
    expect(c).toMatchObject({ title: 'Parking' })
    expect(c.createdAt).toBeInstanceOf(Date)
    expect(await getConversation(t.db, { id: c.id, userId: employee })).toEqual(c)
    const groupIds = await readableGroupIds(t.db, employee)
    expect(
      (await listMessages(t.db, { conversationId: c.id, groupIds })).map((m) => [m.role, m.content]),
    ).toEqual([['user', 'Is there parking?']])

    // The older conversation gets an answer: it is stored with its trace and the conversation comes first.
    const traceId = await traceFor(employee, older.id)
    const messageId = await addAnswerMessage(t.db, { conversationId: older.id, content: 'Yes.', traceId })
    const stored = await listMessages(t.db, { conversationId: older.id, groupIds })
    expect(stored.map((m) => [m.id, m.role, m.content, m.traceId])).toEqual([
      [messageId, 'assistant', 'Yes.', traceId],
    ])
    const listed = await listConversations(t.db, { userId: employee })
    expect(listed.findIndex((x) => x.id === older.id)).toBeLessThan(listed.findIndex((x) => x.id === c.id))
    const touched = listed.find((x) => x.id === older.id)
    expect(touched?.updatedAt.getTime()).toBeGreaterThanOrEqual(older.updatedAt.getTime())

    // An unknown conversation stores nothing (the foreign key fails the whole statement).
    await expect(
      addAnswerMessage(t.db, {
        conversationId: '00000000-0000-4000-8000-000000000000',
        content: 'x',
        traceId: null,
      }),
    ).rejects.toThrow()
  })

  it('loads a user with the groups they may read in one statement, as readableGroupIds does', async () => {
    for (const id of [employee, hr]) {
      const user = await getUserWithReadableGroups(t.db, id)
      expect(user?.id).toBe(id)
      expect(user?.email).toMatch(/@example\.com$/)
      expect(user?.groupIds).toEqual(await readableGroupIds(t.db, id))
    }
    const hrUser = await getUserWithReadableGroups(t.db, hr)
    const employeeUser = await getUserWithReadableGroups(t.db, employee)
    expect(hrUser?.groupIds.length).toBe((employeeUser?.groupIds.length ?? 0) + 1)
    expect(await getUserWithReadableGroups(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull()
  })
})

describe('document access for citations and originals', () => {
  it('returns restricted passages and bytes only to readers in the document’s groups', async () => {
    const [doc] = await t.db
      .insert(documents)
      .values({ slug: 'bands', title: 'Bands', sourceName: 'bands.md' })
      .returning({ id: documents.id })
    if (!doc) throw new Error('no document')
    const [version] = await t.db
      .insert(documentVersions)
      .values({
        documentId: doc.id,
        versionNo: 1,
        sha256: 'x',
        sizeBytes: 5,
        declaredMime: 'text/markdown',
        content: Buffer.from('L3 46k'),
        status: 'ready',
      })
      .returning({ id: documentVersions.id })
    if (!version) throw new Error('no version')
    await t.db.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, doc.id))
    await setDocumentGroups(t.db, doc.id, ['hr'])
    const [chunk] = await t.db
      .insert(chunks)
      .values({ versionId: version.id, ordinal: 0, text: 'L3 46k', charStart: 0, charEnd: 6, tokenCount: 3 })
      .returning({ id: chunks.id })
    if (!chunk) throw new Error('no chunk')

    const employeeGroups = await readableGroupIds(t.db, employee)
    const hrGroups = await readableGroupIds(t.db, hr)
    expect(await citationSources(t.db, { chunkIds: [chunk.id], groupIds: employeeGroups })).toEqual([])
    expect(await citationSources(t.db, { chunkIds: [chunk.id], groupIds: hrGroups })).toEqual([
      expect.objectContaining({ passage: 'L3 46k', versionNo: 1, title: 'Bands' }),
    ])
    expect(await readableDocumentOriginal(t.db, { documentId: doc.id, groupIds: employeeGroups })).toBeNull()
    const original = await readableDocumentOriginal(t.db, { documentId: doc.id, groupIds: hrGroups })
    expect(original?.content.toString()).toBe('L3 46k')
    expect(original?.mime).toBe('text/markdown')
  })
})
