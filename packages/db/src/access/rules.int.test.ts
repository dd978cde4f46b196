import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getAnswerDetail } from '../queries/answer-detail'
import { exportAnswerLog, listAnswerLog } from '../queries/answer-log'
import { addMessage, conversationTurns, createConversation, listMessages } from '../queries/conversations'
import { insertCuratedAnswer, listCuratedAnswers } from '../queries/curated-answers'
import { coverageGapQuestions, dashboardStats } from '../queries/dashboards'
import { loadReviewedTraces } from '../queries/dataset-sources'
import { listRecentFeedback } from '../queries/feedback'
import { readableGroupIds } from '../queries/groups'
import { candidate, citation, type FixtureDoc, makeDoc, makeTrace } from '../queries/review-test-fixtures'
import { nextInQueue, queueCounts, saveReview } from '../queries/reviews'
import { getUserByEmail } from '../queries/users'
import { feedback } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { readableCurrentVersions, setDocumentGroups, type Viewer } from '.'

/**
 * The access rule on every review and reading surface, probed with an hr-only document: each `it` is a
 * leak found in issue 12 (or a sibling of one), asserted from the analyst's side and, as a control, from
 * the side of someone who may see it.
 */

let t: TestDatabase
let analyst: Viewer
let admin: Viewer
let hrUser: string
let hrGroups: string[]
let benefits: FixtureDoc
let salaries: FixtureDoc
const SALARY_QUESTION = 'What do L3 engineers earn in Lisbon?'
const SALARY_ANSWER = 'Between 46,000 and 58,000 EUR [1].'

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  const analystId = (await getUserByEmail(t.db, 'analyst@example.com'))?.id ?? ''
  hrUser = (await getUserByEmail(t.db, 'hr@example.com'))?.id ?? ''
  hrGroups = await readableGroupIds(t.db, hrUser)
  analyst = { role: 'analyst', groupIds: await readableGroupIds(t.db, analystId) }
  admin = { role: 'admin', groupIds: [] }
  benefits = await makeDoc(t.db, {
    title: 'Benefits',
    group: 'everyone',
    passages: ['Employees get 25 vacation days per year.', 'Unused days carry over until March.'],
  })
  salaries = await makeDoc(t.db, {
    title: 'Salaries',
    group: 'hr',
    passages: ['L3 engineers in Lisbon earn 46,000 to 58,000 EUR.'],
  })
})
afterAll(async () => {
  await t?.stop()
})

/** An hr member's answer drawn from the hr-only document. */
const salaryTrace = (over: Parameters<typeof makeTrace>[1] = {}) =>
  makeTrace(t.db, {
    userId: hrUser,
    groupIds: hrGroups,
    question: SALARY_QUESTION,
    rewrittenQuery: SALARY_QUESTION,
    answer: SALARY_ANSWER,
    candidates: [candidate(salaries, 0, { cited: true })],
    citations: [citation(salaries, 0, 1)],
    ...over,
  })

/** An answer from the shared document that also RETRIEVED (did not use) the hr passage. */
const benefitsTrace = (over: Parameters<typeof makeTrace>[1] = {}) =>
  makeTrace(t.db, {
    userId: hrUser,
    groupIds: hrGroups,
    question: 'How many vacation days do I get?',
    rewrittenQuery: 'How many vacation days do I get?',
    candidates: [candidate(benefits, 0, { cited: true }), candidate(salaries, 0, { used: false, rank: 2 })],
    citations: [citation(benefits, 0, 1)],
    ...over,
  })

const logIds = async (viewer: Viewer) =>
  (await listAnswerLog(t.db, viewer, {}, { limit: 200 })).rows.map((r) => r.id)

describe('the feedback list (GET /api/review/feedback)', () => {
  it('leaves out ratings of answers drawn from documents the analyst may not read', async () => {
    const traceId = await salaryTrace()
    await t.db.insert(feedback).values({ traceId, userId: hrUser, rating: 'down', comment: 'too low' })
    const asAnalyst = await listRecentFeedback(t.db, analyst)
    expect(asAnalyst.map((f) => f.traceId)).not.toContain(traceId)
    expect(JSON.stringify(asAnalyst)).not.toContain('46,000')
    const asAdmin = await listRecentFeedback(t.db, admin)
    expect(asAdmin.find((f) => f.traceId === traceId)).toMatchObject({ question: SALARY_QUESTION })
  })
})

describe('conversation context of a visible answer', () => {
  it('hides an earlier hidden turn: its answer AND its question', async () => {
    const c = await createConversation(t.db, { userId: hrUser, title: 'pay' })
    await addMessage(t.db, { conversationId: c.id, role: 'user', content: SALARY_QUESTION })
    const hidden = await salaryTrace({ conversationId: c.id })
    await addMessage(t.db, {
      conversationId: c.id,
      role: 'assistant',
      content: SALARY_ANSWER,
      traceId: hidden,
    })
    await addMessage(t.db, {
      conversationId: c.id,
      role: 'user',
      content: 'How many vacation days do I get?',
    })
    const visible = await benefitsTrace({ conversationId: c.id })
    await addMessage(t.db, {
      conversationId: c.id,
      role: 'assistant',
      content: 'You get 25 days [1].',
      traceId: visible,
    })

    const detail = await getAnswerDetail(t.db, analyst, visible)
    expect(detail?.conversation.map((m) => [m.role, m.content])).toEqual([
      ['user', null],
      ['assistant', null],
      ['user', 'How many vacation days do I get?'],
      ['assistant', 'You get 25 days [1].'],
    ])
    expect(JSON.stringify(detail)).not.toContain('L3 engineers')
    const asAdmin = await getAnswerDetail(t.db, admin, visible)
    expect(asAdmin?.conversation[0]?.content).toBe(SALARY_QUESTION)
  })

  it('hides a follow-up whose rewritten question quotes a hidden turn', async () => {
    const c = await createConversation(t.db, { userId: hrUser, title: 'pay 2' })
    const first = await salaryTrace({ conversationId: c.id })
    const followUp = await benefitsTrace({
      conversationId: c.id,
      question: 'And vacation days?',
      rewrittenQuery: `${SALARY_QUESTION.replace(/\?$/, '')}: And vacation days?`,
      createdAt: new Date(Date.now() + 1000),
    })
    // The same follow-up after a visible turn stays visible.
    const d = await createConversation(t.db, { userId: hrUser, title: 'leave' })
    await benefitsTrace({ conversationId: d.id })
    const harmless = await benefitsTrace({
      conversationId: d.id,
      question: 'And next year?',
      rewrittenQuery: 'How many vacation days do I get: And next year?',
      createdAt: new Date(Date.now() + 1000),
    })
    const ids = await logIds(analyst)
    expect(ids).not.toContain(first)
    expect(ids).not.toContain(followUp)
    expect(ids).toContain(harmless)
    expect(await getAnswerDetail(t.db, analyst, followUp)).toBeNull()
    expect(await logIds(admin)).toContain(followUp)
  })
})

describe('a correction citing a restricted passage', () => {
  it('makes the answer invisible to analysts everywhere (log, detail, queue, dashboards, export)', async () => {
    const traceId = await benefitsTrace({ question: 'Vacation days for L3 engineers?', abstained: true })
    expect(await logIds(analyst)).toContain(traceId)
    const before = await queueCounts(t.db, analyst)
    const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) }
    const statsBefore = await dashboardStats(t.db, analyst, range)

    const saved = await saveReview(t.db, admin, {
      traceId,
      reviewerId: hrUser,
      verdict: 'corrected',
      correctedAnswer: 'L3 engineers in Lisbon earn 46,000 to 58,000 EUR [1].',
      correctedCitations: [citation(salaries, 0, 1, 'L3 engineers in Lisbon earn 46,000 to 58,000 EUR.')],
      labels: [],
    })
    expect(saved).not.toBeNull()

    expect(await logIds(analyst)).not.toContain(traceId)
    expect(await getAnswerDetail(t.db, analyst, traceId)).toBeNull()
    expect(await getAnswerDetail(t.db, admin, traceId)).not.toBeNull()
    const exported: string[] = []
    for await (const batch of exportAnswerLog(t.db, analyst, {})) exported.push(...batch.map((r) => r.id))
    expect(exported).not.toContain(traceId)
    expect((await dashboardStats(t.db, analyst, range)).totals.questions).toBe(
      statsBefore.totals.questions - 1,
    )
    const gaps = await coverageGapQuestions(t.db, analyst, range)
    expect(gaps.map((g) => g.traceId)).not.toContain(traceId)
    // Reviewed answers leave the queue anyway; the rule must not make the count go negative or stale.
    expect((await queueCounts(t.db, analyst)).counts.abstained).toBeLessThanOrEqual(before.counts.abstained)
    expect((await nextInQueue(t.db, analyst))?.traceId).not.toBe(traceId)
    // And saving another review over it is refused to the analyst (null = not found).
    expect(
      await saveReview(t.db, analyst, { traceId, reviewerId: hrUser, verdict: 'approved', labels: [] }),
    ).toBeNull()
  })
})

async function exportedTrace(viewer: Viewer, traceId: string) {
  for await (const batch of exportAnswerLog(t.db, viewer, {})) {
    const found = batch.find((r) => r.id === traceId)
    if (found) return found
  }
  return undefined
}

describe('exports redact exactly like the detail view', () => {
  it('carries no title or id of a retrieved candidate the analyst may not read', async () => {
    const traceId = await benefitsTrace({ question: 'Do unused vacation days carry over?' })
    const detail = await getAnswerDetail(t.db, analyst, traceId)
    const exported = await exportedTrace(analyst, traceId)
    expect(exported?.candidates).toHaveLength(2)
    const pick = ({
      chunkId,
      documentId,
      versionId,
      title,
      readable,
      rank,
      fusedScore,
    }: Record<string, unknown>) => ({
      chunkId,
      documentId,
      versionId,
      title,
      readable,
      rank,
      fusedScore,
    })
    expect(exported?.candidates.map(pick)).toEqual(detail?.candidates.map(pick))
    expect(exported?.candidates[1]).toMatchObject({
      readable: false,
      title: null,
      chunkId: null,
      documentId: null,
    })
    const text = JSON.stringify(exported)
    expect(text).not.toContain('Salaries')
    expect(text).not.toContain(salaries.documentId)
    expect(text).not.toContain(salaries.versionId)
    // Admins see the candidate whole.
    expect((await exportedTrace(admin, traceId))?.candidates[1]).toMatchObject({
      title: 'Salaries',
      readable: true,
    })
  })
})

describe('curated answers', () => {
  it('are hidden when they cite a restricted document or were promoted from a hidden answer', async () => {
    const hiddenSource = await salaryTrace()
    const visibleSource = await benefitsTrace()
    const base = { answer: 'You get 25 days [1].', citations: [citation(benefits, 0, 1)], createdBy: null }
    const fromHidden = await insertCuratedAnswer(t.db, {
      ...base,
      question: 'L3 Lisbon salary and vacation days',
      normalizedQuestion: 'l3 lisbon salary and vacation days',
      sourceTraceId: hiddenSource,
    })
    const citesHidden = await insertCuratedAnswer(t.db, {
      ...base,
      question: SALARY_QUESTION,
      normalizedQuestion: 'salary',
      citations: [citation(salaries, 0, 1)],
      sourceTraceId: null,
    })
    const fine = await insertCuratedAnswer(t.db, {
      ...base,
      question: 'How many vacation days do I get?',
      normalizedQuestion: 'vacation',
      sourceTraceId: visibleSource,
    })
    const seen = (await listCuratedAnswers(t.db, analyst)).map((c) => c.id)
    expect(seen).toContain(fine)
    expect(seen).not.toContain(fromHidden)
    expect(seen).not.toContain(citesHidden)
    expect((await listCuratedAnswers(t.db, admin)).map((c) => c.id)).toEqual(
      expect.arrayContaining([fine, fromHidden, citesHidden]),
    )
  })
})

describe('the asker’s own conversation after their access changed', () => {
  it('keeps their questions, drops answers drawn from documents they may no longer read', async () => {
    const ex = await makeDoc(t.db, { title: 'Bonus', group: 'hr', passages: ['The bonus pool is 7%.'] })
    const c = await createConversation(t.db, { userId: hrUser, title: 'bonus' })
    await addMessage(t.db, { conversationId: c.id, role: 'user', content: 'How big is the bonus pool?' })
    const traceId = await makeTrace(t.db, {
      userId: hrUser,
      conversationId: c.id,
      candidates: [candidate(ex, 0, { cited: true })],
      citations: [citation(ex, 0, 1)],
    })
    await addMessage(t.db, { conversationId: c.id, role: 'assistant', content: 'It is 7% [1].', traceId })
    const now = () => listMessages(t.db, { conversationId: c.id, groupIds: hrGroups })
    expect((await now()).map((m) => m.content)).toEqual(['How big is the bonus pool?', 'It is 7% [1].'])

    await setDocumentGroups(t.db, ex.documentId, ['finance'])
    const after = await now()
    expect(after.map((m) => m.content)).toEqual(['How big is the bonus pool?', null])
    expect(after[1]?.citations).toBeNull()
    expect(await conversationTurns(t.db, { conversationId: c.id, groupIds: hrGroups })).toEqual([
      { role: 'user', content: 'How big is the bonus pool?' },
    ])
  })
})

describe('training data', () => {
  it('exports a rewritten follow-up only to groups that may read the turn it quotes, and records that turn', async () => {
    const c = await createConversation(t.db, { userId: hrUser, title: 'pay 3' })
    await salaryTrace({ conversationId: c.id })
    const followUp = await benefitsTrace({
      conversationId: c.id,
      question: 'And the carry-over rule?',
      rewrittenQuery: `${SALARY_QUESTION.replace(/\?$/, '')}: And the carry-over rule?`,
      createdAt: new Date(Date.now() + 2000),
    })
    await saveReview(t.db, admin, { traceId: followUp, reviewerId: hrUser, verdict: 'approved', labels: [] })
    const load = (groupIds: string[]) => loadReviewedTraces(t.db, { verdicts: ['approved'], groupIds })
    expect((await load(analyst.groupIds)).traces.map((r) => r.traceId)).not.toContain(followUp)
    const asHr = (await load(hrGroups)).traces.find((r) => r.traceId === followUp)
    expect(asHr?.earlierTurnVersionIds).toEqual([salaries.versionId])
  })
})

describe('what retrieval may search', () => {
  it('current versions of non-deleted readable documents, narrowed by id, slug or tag', async () => {
    const search = async (filter: Parameters<typeof readableCurrentVersions>[0]) => {
      const result = await t.db.execute<{ title: string }>(
        sql`select title from (${readableCurrentVersions(filter)}) visible order by title`,
      )
      return result.rows.map((r) => r.title)
    }
    expect(await search({ groupIds: analyst.groupIds })).not.toContain('Salaries')
    expect(await search({ groupIds: analyst.groupIds })).toContain('Benefits')
    expect(await search({ groupIds: hrGroups })).toContain('Salaries')
    expect(await search({ groupIds: hrGroups, documentIds: [salaries.documentId] })).toEqual(['Salaries'])
    expect(await search({ groupIds: [] })).toEqual([])
    expect(await search({ groupIds: hrGroups, tags: ['nope'] })).toEqual([])
  })
})
