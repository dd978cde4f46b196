import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewViewer } from '../access'
import { auditLog, curatedAnswers, feedback, reviews } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { listCuratedAnswers, reapproveCuratedAnswer, retireCuratedAnswer } from './curated-answers'
import { readableGroupIds } from './groups'
import { addVersion, candidate, citation, type FixtureDoc, makeDoc, makeTrace } from './review-test-fixtures'
import { nextInQueue, queueCounts, queuePositionOf, saveReview } from './reviews'
import { getUserByEmail } from './users'

let t: TestDatabase
let analyst: ReviewViewer
let admin: ReviewViewer
let reviewerId: string
let handbook: FixtureDoc
let salaries: FixtureDoc

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  reviewerId = (await getUserByEmail(t.db, 'analyst@example.com'))?.id ?? ''
  analyst = { role: 'analyst', groupIds: await readableGroupIds(t.db, reviewerId) }
  const hr = (await getUserByEmail(t.db, 'hr@example.com'))?.id ?? ''
  admin = { role: 'admin', groupIds: await readableGroupIds(t.db, hr) }
  handbook = await makeDoc(t.db, {
    title: 'Handbook',
    group: 'everyone',
    passages: ['Laptops are replaced every four years.', 'Request devices in the IT portal.'],
  })
  salaries = await makeDoc(t.db, { title: 'Salaries', group: 'hr', passages: ['L3 earns 46,000 EUR.'] })
})
afterAll(async () => {
  await t?.stop()
})

const visible = (over: Parameters<typeof makeTrace>[1] = {}) =>
  makeTrace(t.db, {
    candidates: [candidate(handbook, 0, { cited: true })],
    citations: [citation(handbook, 0, 1)],
    ...over,
  })

describe('saveReview', () => {
  it('stores an attributed review and an audit row; a second save replaces it', async () => {
    const traceId = await visible()
    const first = await saveReview(t.db, analyst, {
      traceId,
      reviewerId,
      verdict: 'approved',
      labels: ['tone'],
    })
    expect(first).toMatchObject({ verdict: 'approved', reviewerId, labels: ['tone'], correctedAnswer: null })
    const second = await saveReview(t.db, analyst, {
      traceId,
      reviewerId,
      verdict: 'corrected',
      correctedAnswer: '  Every four years [1].  ',
      correctedCitations: [citation(handbook, 0, 1, 'Laptops are replaced every four years.')],
      labels: ['outdated', 'outdated'],
      notes: '  ',
    })
    expect(second).toMatchObject({
      verdict: 'corrected',
      correctedAnswer: 'Every four years [1].',
      labels: ['outdated'],
      notes: null,
    })
    expect(await t.db.select().from(reviews).where(eq(reviews.traceId, traceId))).toHaveLength(1)
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, traceId))
    expect(audit.map((a) => [a.action, a.actorId, a.details.verdict, a.details.previousVerdict])).toEqual([
      ['review.saved', reviewerId, 'approved', null],
      ['review.saved', reviewerId, 'corrected', 'approved'],
    ])
  })

  it('refuses a hidden trace (nothing written) and a correction without text', async () => {
    const hidden = await makeTrace(t.db, {
      candidates: [candidate(salaries, 0, { cited: true })],
      citations: [citation(salaries, 0, 1)],
    })
    expect(
      await saveReview(t.db, analyst, { traceId: hidden, reviewerId, verdict: 'rejected', labels: [] }),
    ).toBeNull()
    expect(await t.db.select().from(auditLog).where(eq(auditLog.targetId, hidden))).toHaveLength(0)
    expect(
      await saveReview(t.db, admin, { traceId: hidden, reviewerId, verdict: 'rejected', labels: [] }),
    ).not.toBeNull()
    await expect(
      saveReview(t.db, analyst, { traceId: await visible(), reviewerId, verdict: 'corrected', labels: [] }),
    ).rejects.toThrow(/corrected answer/)
  })
})

describe('review queue', () => {
  const ids: Record<string, string> = {}
  beforeEach(async () => {
    await t.pool.query('TRUNCATE reviews, feedback, answer_traces, audit_log CASCADE')
    const at = (d: number) => new Date(Date.UTC(2026, 10, d))
    ids.down2 = await visible({ createdAt: at(5) })
    ids.down1 = await visible({ createdAt: at(3), unsupported: true })
    ids.failed = await visible({ createdAt: at(4), unsupported: true })
    ids.abstained = await visible({ createdAt: at(1), abstained: true, citations: [] })
    ids.hidden = await makeTrace(t.db, {
      createdAt: at(2),
      candidates: [candidate(salaries, 0, { cited: true })],
      citations: [citation(salaries, 0, 1)],
    })
    for (let i = 0; i < 5; i++) ids[`rest${i}`] = await visible({ createdAt: at(6 + i) })
    ids.reviewed = await visible({ createdAt: at(2) })
    await t.db.insert(feedback).values([
      { traceId: ids.down1 ?? '', rating: 'down' },
      { traceId: ids.down2 ?? '', rating: 'down' },
      { traceId: ids.rest0 ?? '', rating: 'up' },
    ])
    await t.db.insert(reviews).values({ traceId: ids.reviewed ?? '', verdict: 'approved' })
  })

  async function walk(viewer: ReviewViewer) {
    const order: string[] = []
    let item = await nextInQueue(t.db, viewer)
    while (item) {
      order.push(`${item.bucket}:${item.traceId}`)
      item = await nextInQueue(t.db, viewer, { after: item.position })
    }
    return order
  }

  it('serves thumbs-down (oldest first), validation failures, abstentions, then a stable random sample', async () => {
    const order = await walk(analyst)
    expect(order.slice(0, 4)).toEqual([
      `thumbs-down:${ids.down1}`,
      `thumbs-down:${ids.down2}`,
      `validation-failed:${ids.failed}`,
      `abstained:${ids.abstained}`,
    ])
    const sample = order.slice(4)
    expect(sample.every((s) => s.startsWith('sample:'))).toBe(true)
    expect(new Set(sample.map((s) => s.slice(7)))).toEqual(
      new Set([0, 1, 2, 3, 4].map((i) => ids[`rest${i}`])),
    )
    // Deterministic: the same order every time, and reviewed or hidden answers never appear.
    expect(await walk(analyst)).toEqual(order)
    expect(order.join()).not.toContain(ids.reviewed)
    expect(order.join()).not.toContain(ids.hidden)
    expect((await walk(admin)).join()).toContain(ids.hidden)
  })

  it('goes back, skips, and drops answers once reviewed', async () => {
    const first = await nextInQueue(t.db, analyst)
    const second = await nextInQueue(t.db, analyst, { after: first?.position })
    const third = await nextInQueue(t.db, analyst, { after: second?.position })
    expect(
      (await nextInQueue(t.db, analyst, { after: third?.position, direction: 'previous' }))?.traceId,
    ).toBe(second?.traceId)
    expect(await nextInQueue(t.db, analyst, { after: first?.position, direction: 'previous' })).toBeNull()
    await saveReview(t.db, analyst, {
      traceId: first?.traceId ?? '',
      reviewerId,
      verdict: 'rejected',
      labels: [],
    })
    expect((await nextInQueue(t.db, analyst))?.traceId).toBe(second?.traceId)
    expect(await queuePositionOf(t.db, analyst, first?.traceId ?? '')).toBeNull()
    expect(await queuePositionOf(t.db, analyst, third?.traceId ?? '')).toEqual(third)
  })

  it('counts each bucket, capped', async () => {
    expect((await queueCounts(t.db, analyst)).counts).toEqual({
      'thumbs-down': 2,
      'validation-failed': 1,
      abstained: 1,
      sample: 5,
    })
    const capped = await queueCounts(t.db, admin, 3)
    expect(capped.counts.sample).toBe(3)
    expect(capped.capped).toEqual({
      'thumbs-down': false,
      'validation-failed': false,
      abstained: false,
      sample: true,
    })
  })
})

describe('curated answers', () => {
  async function curate(doc: FixtureDoc, quote: string) {
    const [row] = await t.db
      .insert(curatedAnswers)
      .values({
        question: `About ${doc.title}?`,
        normalizedQuestion: `about ${doc.title.toLowerCase()} ${Math.random()}`,
        answer: 'Every four years [1].',
        citations: [citation(doc, 0, 1, quote)],
        status: 'needs_review',
        statusReason: 'A cited document changed',
        createdBy: reviewerId,
      })
      .returning({ id: curatedAnswers.id })
    return row?.id ?? ''
  }

  it('lists with the permission rule, needing review first', async () => {
    const open = await curate(handbook, 'Laptops are replaced every four years.')
    const restricted = await curate(salaries, 'L3 earns 46,000 EUR.')
    const analystIds = (await listCuratedAnswers(t.db, analyst)).map((r) => r.id)
    expect(analystIds).toContain(open)
    expect(analystIds).not.toContain(restricted)
    expect((await listCuratedAnswers(t.db, admin)).map((r) => r.id)).toContain(restricted)
    expect(await retireCuratedAnswer(t.db, analyst, { id: restricted, actorId: reviewerId })).toMatchObject({
      ok: false,
      reason: 'not-found',
    })
  })

  it('re-approval re-pins citations to the current version when the quote is still there', async () => {
    const id = await curate(handbook, 'Laptops are replaced every four years.')
    const v2 = await addVersion(t.db, handbook.documentId, 2, [
      'New intro paragraph.',
      'Laptops are replaced every four years. Phones every two.',
    ])
    expect(await reapproveCuratedAnswer(t.db, analyst, { id, actorId: reviewerId })).toEqual({
      ok: true,
      status: 'active',
    })
    const [row] = await t.db.select().from(curatedAnswers).where(eq(curatedAnswers.id, id))
    expect(row?.citations[0]).toMatchObject({ chunkId: v2.chunkIds[1], versionId: v2.versionId })
    expect(row).toMatchObject({ status: 'active', statusReason: null })
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))
    expect(audit.map((a) => a.action)).toEqual(['curated.reapproved'])
  })

  it('keeps it flagged when the quoted passage is gone; retiring is final', async () => {
    const id = await curate(handbook, 'This sentence was removed from the policy.')
    const result = await reapproveCuratedAnswer(t.db, analyst, { id, actorId: reviewerId })
    expect(result).toMatchObject({ ok: false, reason: 'sources-gone' })
    expect(result.ok ? '' : result.message).toContain('Handbook')
    expect(await retireCuratedAnswer(t.db, analyst, { id, actorId: reviewerId })).toEqual({
      ok: true,
      status: 'retired',
    })
    expect(await reapproveCuratedAnswer(t.db, analyst, { id, actorId: reviewerId })).toMatchObject({
      ok: false,
      reason: 'retired',
    })
    const [row] = await t.db.select().from(curatedAnswers).where(eq(curatedAnswers.id, id))
    expect(row?.status).toBe('retired')
  })
})
