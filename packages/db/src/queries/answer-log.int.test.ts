import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReviewViewer } from '../access'
import { feedback, reviews } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { getAnswerDetail } from './answer-detail'
import {
  type AnswerLogFilters,
  countAnswerLog,
  exportAnswerLog,
  listAnswerLog,
  listLoggedModels,
  listReviewableDocuments,
} from './answer-log'
import { addMessage, createConversation } from './conversations'
import { coverageGapQuestions, dashboardStats } from './dashboards'
import { groupIdByName, readableGroupIds } from './groups'
import { candidate, citation, type FixtureDoc, makeDoc, makeTrace } from './review-test-fixtures'
import { getUserByEmail } from './users'

let t: TestDatabase
let analyst: ReviewViewer
let admin: ReviewViewer
let hrGroup: string
let benefits: FixtureDoc
let handbook: FixtureDoc
let salaries: FixtureDoc
const ids: Record<string, string> = {}
const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h))

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  const employee = (await getUserByEmail(t.db, 'employee@example.com'))?.id ?? ''
  const hr = (await getUserByEmail(t.db, 'hr@example.com'))?.id ?? ''
  hrGroup = (await groupIdByName(t.db, 'hr')) ?? ''
  const employeeGroups = await readableGroupIds(t.db, employee)
  const hrGroups = await readableGroupIds(t.db, hr)
  analyst = { role: 'analyst', groupIds: employeeGroups }
  admin = { role: 'admin', groupIds: hrGroups }
  benefits = await makeDoc(t.db, {
    title: 'Benefits',
    group: 'everyone',
    passages: ['Employees get 25 vacation days per year.', 'Unused days carry over until March.'],
  })
  handbook = await makeDoc(t.db, {
    title: 'Handbook',
    group: 'everyone',
    passages: ['Laptops are replaced every four years.', 'Request devices in the IT portal.'],
  })
  salaries = await makeDoc(t.db, {
    title: 'Salaries',
    group: 'hr',
    passages: ['L3 engineers in Lisbon earn 46,000 to 58,000 EUR.'],
  })

  ids.vacation = await makeTrace(t.db, {
    userId: employee,
    groupIds: employeeGroups,
    createdAt: day(20),
    candidates: [
      candidate(benefits, 0, { cited: true }),
      candidate(benefits, 1, { used: false }),
      // Retrieved for someone else's groups? No: ranked but unused; the analyst must not read it.
      candidate(salaries, 0, { used: false, rank: 3 }),
    ],
    citations: [citation(benefits, 0, 1, 'Employees get 25 vacation days per year.')],
  })
  const hrConversation = await createConversation(t.db, { userId: hr, title: 'pay' })
  await addMessage(t.db, {
    conversationId: hrConversation.id,
    role: 'user',
    content: 'What do L3 engineers earn?',
  })
  ids.salary = await makeTrace(t.db, {
    userId: hr,
    conversationId: hrConversation.id,
    groupIds: hrGroups,
    question: 'What do L3 engineers earn in Lisbon?',
    answer: 'Between 46,000 and 58,000 EUR [1].',
    createdAt: day(21),
    candidates: [candidate(salaries, 0, { cited: true })],
    citations: [citation(salaries, 0, 1)],
  })
  await addMessage(t.db, {
    conversationId: hrConversation.id,
    role: 'assistant',
    content: 'Between 46,000 and 58,000 EUR [1].',
    traceId: ids.salary,
  })
  await addMessage(t.db, { conversationId: hrConversation.id, role: 'user', content: 'And vacation days?' })
  ids.followUp = await makeTrace(t.db, {
    userId: hr,
    conversationId: hrConversation.id,
    groupIds: hrGroups,
    question: 'And vacation days?',
    // Not rewritten: a rewrite quoting the hidden turn would hide this trace too (access/rules.int.test.ts).
    rewrittenQuery: 'And vacation days?',
    createdAt: day(21, 13),
    candidates: [candidate(benefits, 0, { cited: true })],
    citations: [citation(benefits, 0, 1)],
  })
  await addMessage(t.db, {
    conversationId: hrConversation.id,
    role: 'assistant',
    content: 'You get 25 days [1].',
    traceId: ids.followUp,
  })
  // A curated answer served: no candidates, but it cites an hr-only document.
  ids.curated = await makeTrace(t.db, {
    userId: hr,
    groupIds: hrGroups,
    question: 'Salary band L3 Lisbon?',
    model: 'curated',
    createdAt: day(22),
    candidates: [],
    citations: [citation(salaries, 0, 1)],
    topScore: null,
  })
  ids.dog = await makeTrace(t.db, {
    userId: employee,
    groupIds: employeeGroups,
    question: 'Can I bring my dog to the office?',
    answer: 'I could not find this in the policies you can access.',
    abstained: true,
    createdAt: day(1),
    candidates: [candidate(handbook, 1, { used: true })],
    validation: {
      valid: false,
      invalidCitations: [],
      sentences: [
        { text: 'I could not find this.', citations: [], support: 0, supported: true, claim: false },
      ],
      supportedSentenceRate: 0,
    },
    topScore: 0.008,
  })
  ids.laptop = await makeTrace(t.db, {
    userId: employee,
    groupIds: employeeGroups,
    question: 'How often are laptops replaced?',
    model: 'gpt-4o-mini',
    unsupported: true,
    createdAt: day(23),
    candidates: [candidate(handbook, 0, { cited: true })],
    citations: [citation(handbook, 0, 1)],
    tokensIn: 1000,
    tokensOut: 50,
    costUsd: 0.0012,
    ttftMs: 300,
    totalMs: 900,
  })
  await t.db.insert(feedback).values([
    { traceId: ids.vacation, userId: employee, rating: 'up' },
    { traceId: ids.salary, userId: hr, rating: 'down' },
    { traceId: ids.laptop, userId: employee, rating: 'down', reason: 'incorrect', comment: 'every 3 years' },
  ])
  await t.db.insert(reviews).values({ traceId: ids.dog, verdict: 'rejected', labels: ['missing-doc'] })
})
afterAll(async () => {
  await t?.stop()
})

const list = async (viewer: ReviewViewer, filters: AnswerLogFilters = {}) =>
  (await listAnswerLog(t.db, viewer, filters)).rows.map((r) => r.id)

describe('permission rule', () => {
  it('an analyst never sees answers that used or cited documents outside their groups', async () => {
    // The hr user's follow-up only used Benefits: visible, even though its conversation is not.
    expect(await list(analyst)).toEqual([ids.laptop, ids.followUp, ids.vacation, ids.dog])
    expect(await list(admin)).toEqual([
      ids.laptop,
      ids.curated,
      ids.followUp,
      ids.salary,
      ids.vacation,
      ids.dog,
    ])
    expect(await getAnswerDetail(t.db, analyst, ids.salary ?? '')).toBeNull()
    expect(await getAnswerDetail(t.db, analyst, ids.curated ?? '')).toBeNull()
    expect(await getAnswerDetail(t.db, admin, ids.curated ?? '')).not.toBeNull()
    expect((await countAnswerLog(t.db, analyst, {})).count).toBe(4)
  })

  it('exports only what the viewer may see', async () => {
    const exported: string[] = []
    for await (const batch of exportAnswerLog(t.db, analyst, {}, 2)) exported.push(...batch.map((r) => r.id))
    expect(exported).toEqual([ids.laptop, ids.followUp, ids.vacation, ids.dog])
    const all: string[] = []
    for await (const batch of exportAnswerLog(t.db, admin, { feedback: 'down' }))
      all.push(...batch.map((r) => r.id))
    expect(all).toEqual([ids.laptop, ids.salary])
  })

  it('lists only readable documents as filter options', async () => {
    expect((await listReviewableDocuments(t.db, analyst)).map((d) => d.title)).toEqual([
      'Benefits',
      'Handbook',
    ])
    expect((await listReviewableDocuments(t.db, admin)).map((d) => d.title)).toEqual([
      'Benefits',
      'Handbook',
      'Salaries',
    ])
  })
})

describe('filters', () => {
  it('feedback, abstained, validation, low score, model, review status', async () => {
    expect(await list(admin, { feedback: 'down' })).toEqual([ids.laptop, ids.salary])
    expect(await list(admin, { feedback: 'up' })).toEqual([ids.vacation])
    expect(await list(analyst, { feedback: 'none' })).toEqual([ids.followUp, ids.dog])
    expect(await list(analyst, { abstained: true })).toEqual([ids.dog])
    expect(await list(analyst, { validationFailed: true })).toEqual([ids.laptop])
    expect(await list(analyst, { validationFailed: false })).toEqual([ids.followUp, ids.vacation, ids.dog])
    expect(await list(admin, { topScoreBelow: 0.02 })).toEqual([ids.dog])
    expect(await list(admin, { model: 'gpt-4o-mini' })).toEqual([ids.laptop])
    expect(await list(analyst, { review: 'rejected' })).toEqual([ids.dog])
    expect(await list(analyst, { review: 'reviewed' })).toEqual([ids.dog])
    expect(await list(analyst, { review: 'unreviewed' })).toEqual([ids.laptop, ids.followUp, ids.vacation])
  })

  it('user group, document cited, date range, and combinations', async () => {
    expect(await list(admin, { groupId: hrGroup })).toEqual([ids.curated, ids.followUp, ids.salary])
    expect(await list(admin, { documentId: benefits.documentId })).toEqual([ids.followUp, ids.vacation])
    expect(await list(analyst, { documentId: salaries.documentId })).toEqual([])
    expect(await list(admin, { from: day(21, 0), to: day(22, 0) })).toEqual([ids.followUp, ids.salary])
    expect(await list(admin, { from: day(20, 0), feedback: 'down', model: 'extractive-v1' })).toEqual([
      ids.salary,
    ])
  })

  it('full-text search over questions, stemmed, websearch syntax', async () => {
    expect(await list(admin, { search: 'laptop' })).toEqual([ids.laptop])
    expect(await list(admin, { search: 'vacation' })).toEqual([ids.followUp, ids.vacation])
    expect(await list(admin, { search: 'vacation -many' })).toEqual([ids.followUp])
    expect(await list(admin, { search: 'dog or laptops' })).toEqual([ids.laptop, ids.dog])
    expect(await list(admin, { search: '   ' })).toHaveLength(6)
  })

  it('rows carry what the table shows', async () => {
    const [laptop] = (await listAnswerLog(t.db, analyst, { search: 'laptop' })).rows
    expect(laptop).toMatchObject({
      question: 'How often are laptops replaced?',
      rating: 'down',
      verdict: null,
      validationFailed: true,
      unsupportedClaims: 1,
      invalidCitations: 0,
      citedTitles: ['Handbook'],
      userEmail: 'employee@example.com',
      model: 'gpt-4o-mini',
    })
    const [dog] = (await listAnswerLog(t.db, analyst, { abstained: true })).rows
    expect(dog).toMatchObject({ rating: null, verdict: 'rejected', topScore: 0.008, validationFailed: false })
  })
})

describe('keyset pagination', () => {
  it('pages through identical timestamps without gaps or repeats, both ways', async () => {
    const at = new Date(Date.UTC(2026, 9, 1))
    for (let i = 0; i < 23; i++) await makeTrace(t.db, { model: 'page-test', createdAt: at })
    const filters = { model: 'page-test' }
    const seen: string[] = []
    let page = await listAnswerLog(t.db, admin, filters, { limit: 10 })
    expect(page.newer).toBeNull()
    const pages = [page]
    seen.push(...page.rows.map((r) => r.id))
    while (page.older) {
      page = await listAnswerLog(t.db, admin, filters, { limit: 10, cursor: page.older })
      pages.push(page)
      seen.push(...page.rows.map((r) => r.id))
    }
    expect(seen).toHaveLength(23)
    expect(new Set(seen).size).toBe(23)
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 3])
    const last = pages[2]
    const back = await listAnswerLog(t.db, admin, filters, {
      limit: 10,
      cursor: last?.newer ?? undefined,
      direction: 'newer',
    })
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]?.rows.map((r) => r.id))
    expect(back.older).not.toBeNull()
    const count = await countAnswerLog(t.db, admin, filters, 20)
    expect(count).toEqual({ count: 20, capped: true })
  })
})

describe('answer detail', () => {
  it('joins passages, marks used and cited, redacts hidden candidates', async () => {
    const detail = await getAnswerDetail(t.db, analyst, ids.vacation ?? '')
    expect(detail?.candidates.map((c) => [c.title, c.used, c.cited, c.readable, c.passage])).toEqual([
      ['Benefits', true, true, true, 'Employees get 25 vacation days per year.'],
      ['Benefits', false, false, true, 'Unused days carry over until March.'],
      [null, false, false, false, null],
    ])
    // Nothing that points at the hidden document: no ids, no version, no heading.
    expect(detail?.candidates[2]).toMatchObject({
      chunkId: null,
      documentId: null,
      versionId: null,
      versionNo: null,
      heading: null,
      rank: 3,
    })
    expect(detail?.versions.map((v) => [v.title, v.versionNo, v.current])).toEqual([['Benefits', 1, true]])
    expect(detail?.feedback?.rating).toBe('up')
    expect(detail?.user?.email).toBe('employee@example.com')
    const asAdmin = await getAnswerDetail(t.db, admin, ids.vacation ?? '')
    expect(asAdmin?.candidates[2]?.passage).toContain('46,000')
  })

  it('shows the conversation so far, hiding earlier turns (question and answer) the analyst may not see', async () => {
    const detail = await getAnswerDetail(t.db, analyst, ids.followUp ?? '')
    expect(detail?.conversation.map((m) => [m.role, m.content, m.current])).toEqual([
      ['user', null, false],
      ['assistant', null, false],
      ['user', 'And vacation days?', false],
      ['assistant', 'You get 25 days [1].', true],
    ])
    const asAdmin = await getAnswerDetail(t.db, admin, ids.followUp ?? '')
    expect(asAdmin?.conversation[0]?.content).toBe('What do L3 engineers earn?')
    expect(asAdmin?.conversation[1]?.content).toContain('46,000')
  })
})

describe('dashboards', () => {
  const november = { from: day(1, 0), to: day(30, 0) }

  it('per-day series and totals with percentiles, under the permission rule', async () => {
    const stats = await dashboardStats(t.db, analyst, november)
    expect(stats.totals).toMatchObject({
      questions: 4,
      answered: 3,
      abstained: 1,
      up: 1,
      down: 1,
      validationFailed: 1,
      curated: 0,
      tokensIn: 1000,
      tokensOut: 50,
      costUsd: 0.0012,
    })
    expect(stats.totals.ttftP50).toBe(20)
    // percentile_cont over [60, 60, 60, 900]: 60 + 0.85 × 840.
    expect(stats.totals.totalP95).toBeCloseTo(774, 0)
    expect(stats.days.map((d) => [d.day, d.questions])).toEqual([
      ['2026-11-01', 1],
      ['2026-11-20', 1],
      ['2026-11-21', 1],
      ['2026-11-23', 1],
    ])
    const all = await dashboardStats(t.db, admin, november)
    expect(all.totals).toMatchObject({ questions: 6, curated: 1, down: 2 })
  })

  it('coverage-gap input: abstained or rated down, newest first, permission rule applied', async () => {
    const gaps = await coverageGapQuestions(t.db, analyst, november)
    expect(gaps.map((g) => [g.question, g.abstained, g.down])).toEqual([
      ['How often are laptops replaced?', false, true],
      ['Can I bring my dog to the office?', true, false],
    ])
    expect(await coverageGapQuestions(t.db, admin, { ...november, limit: 1 })).toHaveLength(1)
  })

  it('lists the models in the log', async () => {
    expect(await listLoggedModels(t.db)).toEqual(['curated', 'extractive-v1', 'gpt-4o-mini', 'page-test'])
  })
})
