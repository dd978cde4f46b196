import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  answerCache,
  answerTraces,
  auditLog,
  conversations,
  curatedAnswers,
  feedback,
  messages,
  reviews,
} from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase, truncateAll } from '../testing'
import { createConversation } from './conversations'
import { deleteUserHistory, purgeExpiredHistory } from './retention'
import { makeTrace } from './review-test-fixtures'
import { queueCounts } from './reviews'
import { getUserByEmail } from './users'

let t: TestDatabase
let employee: string
let analyst: string
const DAY = 86_400_000
const admin = { role: 'admin' as const, groupIds: [] }

beforeAll(async () => {
  t = await startTestDatabase()
})
afterAll(async () => {
  await t?.stop()
})

async function seed() {
  await truncateAll(t)
  await seedDemoUsers(t.db)
  employee = (await getUserByEmail(t.db, 'employee@example.com'))?.id ?? ''
  analyst = (await getUserByEmail(t.db, 'analyst@example.com'))?.id ?? ''
}

/** A conversation with one question and its answer, as old as `ageDays`. */
async function turn(ageDays: number, userId = employee, question = 'How many vacation days do I get?') {
  const at = new Date(Date.now() - ageDays * DAY)
  const conversation = await createConversation(t.db, { userId, title: question })
  const traceId = await makeTrace(t.db, { userId, conversationId: conversation.id, question, createdAt: at })
  await t.db.insert(messages).values([
    { conversationId: conversation.id, role: 'user', content: question, createdAt: at },
    {
      conversationId: conversation.id,
      role: 'assistant',
      content: 'You get 25 days [1].',
      traceId,
      createdAt: at,
    },
  ])
  await t.db
    .update(conversations)
    .set({ createdAt: at, updatedAt: at })
    .where(eq(conversations.id, conversation.id))
  return { conversationId: conversation.id, traceId }
}

const rows = async (
  table: typeof answerTraces | typeof conversations | typeof messages | typeof reviews | typeof feedback,
) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n

describe('retention', () => {
  it('deletes history older than the cutoff, keeps reviewed and curated answers, and audits the run', async () => {
    await seed()
    const recent = await turn(2)
    const old = await turn(40)
    const reviewed = await turn(45)
    const curated = await turn(50)
    const oldThumbs = await turn(60)
    await t.db
      .insert(reviews)
      .values({ traceId: reviewed.traceId, reviewerId: analyst, verdict: 'approved', labels: [] })
    await t.db.insert(curatedAnswers).values({
      question: 'How many vacation days do I get?',
      normalizedQuestion: 'how many vacation days do i get',
      answer: 'You get 25 days.',
      citations: [],
      sourceTraceId: curated.traceId,
      createdBy: analyst,
    })
    await t.db.insert(feedback).values({ traceId: oldThumbs.traceId, userId: employee, rating: 'down' })
    await t.db.insert(answerCache).values([
      { key: 'old', revision: 1, result: {}, createdAt: new Date(Date.now() - 40 * DAY) },
      { key: 'new', revision: 1, result: {} },
    ])
    const queueBefore = await queueCounts(t.db, admin)
    expect(queueBefore.counts['thumbs-down']).toBe(1)

    const result = await purgeExpiredHistory(t.db, { olderThanDays: 30, keepReviewed: true })
    expect(result).toMatchObject({ traces: 2, conversations: 2, cacheEntries: 1, keptReviewed: 2 })
    const left = await t.db.select({ id: answerTraces.id }).from(answerTraces)
    expect(left.map((r) => r.id).sort()).toEqual([recent.traceId, reviewed.traceId, curated.traceId].sort())
    // The kept answers keep their conversation turn; the other old conversations are gone with their messages.
    const conversationIds = (await t.db.select({ id: conversations.id }).from(conversations)).map((r) => r.id)
    expect(conversationIds.sort()).toEqual(
      [recent.conversationId, reviewed.conversationId, curated.conversationId].sort(),
    )
    expect(conversationIds).not.toContain(old.conversationId)
    expect(await rows(feedback)).toBe(0)
    expect(await rows(reviews)).toBe(1)
    // The review queue counts only what exists: the thumbs-down trace is gone, so is its queue entry.
    expect((await queueCounts(t.db, admin)).counts['thumbs-down']).toBe(0)
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'retention.purge'))
    expect(audit?.actorId).toBeNull()
    expect(audit?.details).toMatchObject({ traces: 2, keptReviewed: 2, days: 30, keepReviewed: true })

    // Without keepReviewed, reviewed answers go too (their reviews cascade with them).
    const strict = await purgeExpiredHistory(t.db, { olderThanDays: 30, keepReviewed: false })
    expect(strict).toMatchObject({ traces: 2, keptReviewed: 0 })
    expect(await rows(reviews)).toBe(0)
    expect(await rows(answerTraces)).toBe(1)
    const [kept] = await t.db.select({ sourceTraceId: curatedAnswers.sourceTraceId }).from(curatedAnswers)
    expect(kept?.sourceTraceId).toBeNull()
  })

  it('a user deletes their own history for good, and nobody else’s', async () => {
    await seed()
    const mine = await turn(1)
    await turn(1, analyst, 'What is the refund policy?')
    await t.db
      .update(conversations)
      .set({ deletedAt: new Date() })
      .where(eq(conversations.id, mine.conversationId))
    await turn(3)
    await t.db
      .insert(reviews)
      .values({ traceId: mine.traceId, reviewerId: analyst, verdict: 'approved', labels: [] })
    await t.db.insert(answerCache).values({
      key: 'k',
      revision: 1,
      result: { question: 'How many vacation days do I get?' },
    })

    expect(await deleteUserHistory(t.db, employee)).toEqual({ conversations: 2, traces: 2, cacheEntries: 1 })
    const traces = await t.db.select({ userId: answerTraces.userId }).from(answerTraces)
    expect(traces).toEqual([{ userId: analyst }])
    expect(await rows(conversations)).toBe(1)
    expect(await rows(messages)).toBe(2)
    expect(await rows(reviews)).toBe(0)
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'history.delete'))
    expect(audit).toMatchObject({
      actorId: employee,
      targetId: employee,
      details: { conversations: 2, traces: 2 },
    })
  })
})
