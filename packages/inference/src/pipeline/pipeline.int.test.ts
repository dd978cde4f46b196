import {
  getUserByEmail,
  readableGroupIds,
  schema,
  seedDemoUsers,
  setDocumentGroups,
  softDeleteDocument,
  sql,
} from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import {
  createEmbeddingProvider,
  type EmbeddingProvider,
  processVersion,
  readEmbeddingsEnv,
  submitDocumentVersion,
} from '@policydesk/ingest'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInferenceEnv } from '../env'
import { EXTRACTIVE_MODEL } from '../generate/extractive-chat-model'
import { type ChatProvider, createChatProvider } from '../providers/chat-provider'
import { PolicyDeskRetriever } from '../retrieve/langchain-retriever'
import type { RetrievalFilters } from '../retrieve/types'
import {
  type FakeOpenAIServer,
  ingestMarkdown,
  installNetworkGuard,
  type NetworkGuard,
  startFakeOpenAIServer,
} from '../testing'
import { answer, streamAnswer } from './answer'
import { retrieve } from './retrieve'
import type { AnswerResult, Asker, InferenceDeps } from './types'

/**
 * The answer pipeline against a real (embedded) Postgres with pgvector: documents ingested in-process with
 * the default offline embedder, the built-in extractive model, and the real SQL for ACL, versions, deletes,
 * filters, the answer cache and traces.
 */

const SECRET = 'The L4 Staff salary band in Lisbon is 60,000 to 71,000 EUR.'

let guard: NetworkGuard
let database: TestDatabase
let embedder: EmbeddingProvider
let builtin: ChatProvider
let employee: Asker
let hr: Asker
const ids: Record<string, string> = {}

beforeAll(async () => {
  guard = installNetworkGuard()
  database = await startTestDatabase()
  await seedDemoUsers(database.db)
  embedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  builtin = createChatProvider(readInferenceEnv({}))
  const docs = [
    {
      slug: 'parking',
      title: 'Parking Policy',
      tags: ['facilities'],
      body: 'Parking in the company garage costs 5 EUR a day. Employees book a space in the workplace app before 10:00.',
    },
    {
      slug: 'travel-meals',
      title: 'Travel Meals',
      tags: ['travel', 'finance'],
      body: 'Meals during business travel are reimbursed up to 40 EUR a day. Receipts are submitted within 30 days.',
    },
    {
      slug: 'salary-bands',
      title: 'Salary Bands',
      tags: ['compensation'],
      groups: ['hr'],
      body: `${SECRET} Salary bands are reviewed every March by the compensation committee.`,
    },
  ]
  for (const doc of docs) ids[doc.slug] = (await ingestMarkdown(database.db, embedder, doc)).documentId
  const asker = async (email: string): Promise<Asker> => {
    const user = await getUserByEmail(database.db, email)
    if (!user) throw new Error(`missing demo user ${email}`)
    return { userId: user.id, groupIds: await readableGroupIds(database.db, user.id) }
  }
  employee = await asker('employee@example.com')
  hr = await asker('hr@example.com')
})

afterAll(async () => {
  await database?.stop()
  guard?.restore()
})

type DepsOptions = { cache?: boolean; chat?: ChatProvider; abstainBelow?: number }

function deps(options: DepsOptions = {}): InferenceDeps {
  return {
    db: database.db,
    embedder,
    chat: options.chat ?? builtin,
    ranker: null,
    crossEncoder: null,
    settings: {
      candidates: 20,
      weights: { vector: 1, text: 1 },
      bm25: { k1: 1.2, b: 0.75 },
      contextTokens: 1_800,
      maxSources: 6,
      cache: options.cache ?? false,
      abstainBelow: options.abstainBelow ?? 0.5,
    },
  }
}

const slugsOf = (candidates: { documentSlug: string }[]) => [
  ...new Set(candidates.map((c) => c.documentSlug)),
]
const retrievedSlugs = async (query: string, groupIds: string[], filters?: RetrievalFilters) =>
  slugsOf((await retrieve(deps(), query, groupIds, filters)).candidates)

const ask = (question: string, user: Asker, options: DepsOptions = {}) =>
  answer(deps(options), { question, user })

/** Everything an answer exposes that could carry restricted content. */
const exposed = (result: AnswerResult) =>
  JSON.stringify([result.text, result.citations, result.candidates, result.validation])

describe('access control', () => {
  it('the demo users differ only in the hr group', () => {
    expect(hr.groupIds).toEqual(expect.arrayContaining(employee.groupIds))
    expect(hr.groupIds).toHaveLength(employee.groupIds.length + 1)
  })

  it('a restricted document is never retrieved for a user outside its group, even when quoted verbatim', async () => {
    const retrieval = await retrieve(deps(), SECRET, employee.groupIds)
    expect(retrieval.candidates.length).toBeGreaterThan(0) // the other documents share words ("EUR")
    expect(slugsOf(retrieval.candidates)).not.toContain('salary-bands')
    expect(retrieval.candidates.some((c) => c.documentId === ids['salary-bands'])).toBe(false)

    const result = await ask(SECRET, employee)
    expect(exposed(result)).not.toContain('71,000')
    expect(result.citations.map((c) => c.documentSlug)).not.toContain('salary-bands')
    expect(result.abstained).toBe(true)
  })

  it('the same verbatim question by an hr member gets the restricted passage, cited', async () => {
    expect(await retrievedSlugs(SECRET, hr.groupIds)).toContain('salary-bands')
    const result = await ask(SECRET, hr)
    expect(result.abstained).toBe(false)
    expect(result.text).toContain('60,000 to 71,000 EUR')
    expect(result.citations.map((c) => c.documentSlug)).toEqual(['salary-bands'])
    expect(result.citations[0]?.quote).toBe(SECRET)
  })

  it('an OpenAI-compatible model is never shown the restricted passage either', async () => {
    const server: FakeOpenAIServer = await startFakeOpenAIServer()
    try {
      const chat = createChatProvider(
        readInferenceEnv({ LLM_BASE_URL: server.url, LLM_MODEL: 'policy-model', LLM_MAX_RETRIES: '0' }),
      )
      // The answerability gate is opened so the employee's question reaches the model too: what it is shown
      // must come from the ACL, not from the gate.
      const denied = await ask(SECRET, employee, { chat, abstainBelow: 0 })
      const allowed = await ask(SECRET, hr, { chat, abstainBelow: 0 })
      // The question (user turn) contains the text; the sources (system message) must not.
      const [employeeSources, hrSources] = server.chatRequests().map((r) => r.messages[0]?.content ?? '')
      expect(employeeSources).toContain('<source n="1"')
      expect(employeeSources).not.toContain('71,000')
      expect(employeeSources).not.toContain('Salary Bands')
      expect(hrSources).toContain(`<source n="1" title="Salary Bands">\n${SECRET}`)
      expect(denied.citations.map((c) => c.documentSlug)).not.toContain('salary-bands')
      expect(allowed.text).toBe(`${SECRET.replace(/\.$/, '')} [1].`)
    } finally {
      await server.close()
    }
  })

  it('nobody with no readable group gets anything', async () => {
    expect(await retrievedSlugs('parking garage', [])).toEqual([])
  })

  it('filters narrow the ACL, they never widen it', async () => {
    expect(await retrievedSlugs(SECRET, employee.groupIds, { tags: ['compensation'] })).toEqual([])
    expect(await retrievedSlugs(SECRET, employee.groupIds, { documentSlugs: ['salary-bands'] })).toEqual([])
    expect(
      await retrievedSlugs(SECRET, employee.groupIds, { documentIds: [ids['salary-bands'] ?? ''] }),
    ).toEqual([])
  })

  it('PolicyDeskRetriever returns LangChain Documents with metadata, under the same ACL', async () => {
    const asEmployee = await new PolicyDeskRetriever(deps(), employee.groupIds).invoke(SECRET)
    expect(asEmployee.length).toBeGreaterThan(0)
    expect(asEmployee.map((d) => d.metadata.slug)).not.toContain('salary-bands')
    expect(asEmployee.map((d) => d.pageContent).join('\n')).not.toContain('71,000')

    const asHr = await new PolicyDeskRetriever(deps(), hr.groupIds).invoke(SECRET)
    const salary = asHr.find((d) => d.metadata.slug === 'salary-bands')
    expect(salary?.pageContent).toContain(SECRET)
    expect(salary?.metadata).toMatchObject({
      documentId: ids['salary-bands'],
      title: 'Salary Bands',
      headingPath: ['Salary Bands'],
      page: null,
    })
    expect(typeof salary?.metadata.chunkId).toBe('string')
    expect(typeof salary?.metadata.versionId).toBe('string')
    expect(salary?.metadata.fusedScore).toBeGreaterThan(0)

    const filtered = await new PolicyDeskRetriever(deps(), hr.groupIds, { tags: ['facilities'] }).invoke(
      SECRET,
    )
    expect(new Set(filtered.map((d) => d.metadata.slug))).toEqual(new Set(['parking']))
  })
})

describe('metadata filters', () => {
  const QUESTION = 'How much is reimbursed per day, and what does the garage cost?'

  it('without filters both documents answer the question', async () => {
    expect(new Set(await retrievedSlugs(QUESTION, employee.groupIds))).toEqual(
      new Set(['parking', 'travel-meals']),
    )
  })

  it('documentSlugs, documentIds and tags restrict the results', async () => {
    expect(await retrievedSlugs(QUESTION, employee.groupIds, { documentSlugs: ['travel-meals'] })).toEqual([
      'travel-meals',
    ])
    expect(await retrievedSlugs(QUESTION, employee.groupIds, { documentIds: [ids.parking ?? ''] })).toEqual([
      'parking',
    ])
    expect(await retrievedSlugs(QUESTION, employee.groupIds, { tags: ['facilities'] })).toEqual(['parking'])
    // Tags match any of the given ones.
    expect(
      new Set(await retrievedSlugs(QUESTION, employee.groupIds, { tags: ['finance', 'facilities'] })),
    ).toEqual(new Set(['parking', 'travel-meals']))
    expect(await retrievedSlugs(QUESTION, employee.groupIds, { tags: ['no-such-tag'] })).toEqual([])
  })
})

describe('document lifecycle', () => {
  it('after a new version is ready, retrieval sees only the new text', async () => {
    const v1 = await ingestMarkdown(database.db, embedder, {
      slug: 'remote-work',
      title: 'Remote Work',
      body: 'Employees may work remotely up to two days a week with their manager’s approval.',
    })
    const texts = async () =>
      (
        await retrieve(deps(), 'How many days a week may I work remotely?', employee.groupIds)
      ).candidates.filter((c) => c.documentId === v1.documentId)
    expect((await texts()).map((c) => c.text).join()).toContain('up to two days a week')

    const v2 = await submitDocumentVersion(database.db, {
      documentId: v1.documentId,
      sourceName: 'remote-work.md',
      bytes: Buffer.from(
        '# Remote Work\n\nEmployees may work remotely up to three days a week, no approval needed.\n',
      ),
    })
    expect(v2.versionNo).toBe(2)
    // Queued, not processed: the ready version keeps answering.
    expect((await texts()).every((c) => c.versionId === v1.versionId)).toBe(true)

    await processVersion({ db: database.db, embedder, maxBytes: 5_000_000 }, v2.versionId)
    const after = await texts()
    expect(after.length).toBeGreaterThan(0)
    expect(after.every((c) => c.versionId === v2.versionId)).toBe(true)
    expect(after.map((c) => c.text).join()).toContain('up to three days a week')
    expect(after.map((c) => c.text).join()).not.toContain('two days')
  })

  it('a soft-deleted document disappears from retrieval at once', async () => {
    const printer = await ingestMarkdown(database.db, embedder, {
      slug: 'printing',
      title: 'Printing',
      body: 'Colour printing requires a cost centre code entered at the printer.',
    })
    const question = 'Do I need a cost centre code for colour printing?'
    expect(await retrievedSlugs(question, employee.groupIds)).toContain('printing')
    expect(await softDeleteDocument(database.db, printer.documentId)).toBe(true)
    expect(await retrievedSlugs(question, employee.groupIds)).not.toContain('printing')
    const result = await ask(question, employee)
    expect(exposed(result)).not.toContain('cost centre code entered')
  })
})

describe('answer cache', () => {
  const QUESTION = 'How much does parking in the company garage cost?'
  const cacheRows = async () => (await database.db.select().from(schema.answerCache)).length

  it('serves a repeated question from the cache, also when only whitespace and case differ', async () => {
    const first = await ask(QUESTION, employee, { cache: true })
    expect(first.cached).toBe(false)
    expect(first.abstained).toBe(false)
    const second = await ask(QUESTION, employee, { cache: true })
    expect(second).toMatchObject({ cached: true, text: first.text, citations: first.citations })
    expect(second.traceId).not.toBe(first.traceId)
    const third = await ask(`  how MUCH does parking in the company   garage cost  `, employee, {
      cache: true,
    })
    expect(third.cached).toBe(true)
    expect(third.question).toBe(`  how MUCH does parking in the company   garage cost  `)
  })

  it('streams a cached answer as tokens too', async () => {
    const tokens: string[] = []
    let final: AnswerResult | undefined
    for await (const event of streamAnswer(deps({ cache: true }), { question: QUESTION, user: employee }))
      if (event.type === 'token') tokens.push(event.text)
      else if (event.type === 'final') final = event.result
    expect(final?.cached).toBe(true)
    expect(tokens.join('')).toBe(final?.text)
  })

  it('an ingest, a delete and an access change each invalidate it', async () => {
    expect((await ask(QUESTION, employee, { cache: true })).cached).toBe(true)

    const extra = await ingestMarkdown(database.db, embedder, {
      slug: 'lockers',
      title: 'Lockers',
      body: 'Lockers on every floor are assigned by reception for one year.',
    })
    expect((await ask(QUESTION, employee, { cache: true })).cached).toBe(false)
    expect((await ask(QUESTION, employee, { cache: true })).cached).toBe(true)

    await softDeleteDocument(database.db, extra.documentId)
    expect((await ask(QUESTION, employee, { cache: true })).cached).toBe(false)
    expect((await ask(QUESTION, employee, { cache: true })).cached).toBe(true)

    await setDocumentGroups(database.db, ids['travel-meals'] ?? '', ['everyone', 'finance'])
    expect((await ask(QUESTION, employee, { cache: true })).cached).toBe(false)
    // Entries of older revisions are pruned when a newer one is written.
    const { rows } = await database.db.execute(sql`select distinct revision from answer_cache`)
    expect(rows).toHaveLength(1)
  })

  it('two users with different groups never share an entry, in either order', async () => {
    // hr first: its answer (with the restricted passage) must not be served to the employee.
    const byHr = await ask(SECRET, hr, { cache: true })
    expect(byHr.citations.map((c) => c.documentSlug)).toContain('salary-bands')
    const byEmployee = await ask(SECRET, employee, { cache: true })
    expect(byEmployee.cached).toBe(false)
    expect(exposed(byEmployee)).not.toContain('71,000')
    const again = await ask(SECRET, employee, { cache: true })
    expect(again.cached).toBe(true)
    expect(exposed(again)).not.toContain('71,000')

    // employee first: their abstention must not be served to hr.
    const question = 'When are salary bands reviewed by the compensation committee?'
    const denied = await ask(question, employee, { cache: true })
    expect(denied.abstained).toBe(true)
    const allowed = await ask(question, hr, { cache: true })
    expect(allowed.cached).toBe(false)
    expect(allowed.text).toContain('reviewed every March')
    expect(await cacheRows()).toBeGreaterThanOrEqual(4)
  })

  it('is not used when switched off', async () => {
    const before = await cacheRows()
    expect((await ask('Where do I book a parking space?', employee)).cached).toBe(false)
    expect((await ask('Where do I book a parking space?', employee)).cached).toBe(false)
    expect(await cacheRows()).toBe(before)
  })
})

describe('answer traces', () => {
  it('records the question, candidates, citations, validation, versions and groups', async () => {
    const result = await ask('How much does parking in the company garage cost per day?', employee)
    expect(result.traceId).toEqual(expect.any(String))
    const [trace] = await database.db
      .select()
      .from(schema.answerTraces)
      .where(eq(schema.answerTraces.id, result.traceId ?? ''))
    expect(trace).toMatchObject({
      userId: employee.userId,
      question: 'How much does parking in the company garage cost per day?',
      answer: result.text,
      abstained: false,
      cached: false,
      model: EXTRACTIVE_MODEL,
      embeddingModel: embedder.model,
      groupIds: employee.groupIds,
    })
    expect(trace?.candidates.length).toBe(result.candidates.length)
    expect(trace?.candidates.length).toBeGreaterThan(0)
    const cited = trace?.candidates.filter((c) => c.cited) ?? []
    expect(cited.map((c) => c.documentId)).toEqual([ids.parking])
    expect(cited.every((c) => c.used)).toBe(true)
    expect(trace?.citations).toEqual([
      expect.objectContaining({
        n: 1,
        documentId: ids.parking,
        chunkId: cited[0]?.chunkId,
        title: 'Parking Policy',
      }),
    ])
    expect(trace?.citations[0]?.quote).toContain('costs 5 EUR a day')
    expect(trace?.validation).toEqual(result.validation)
    expect(trace?.validation.sentences.length).toBeGreaterThan(0)
    expect(trace?.versionIds).toEqual(
      expect.arrayContaining([...new Set(result.candidates.filter((c) => c.used).map((c) => c.versionId))]),
    )
    expect(trace?.totalMs).toBeGreaterThanOrEqual(0)
    expect(trace?.topScore).toBeGreaterThan(0)
  })

  it('skipTrace writes nothing', async () => {
    const count = async () => (await database.db.select().from(schema.answerTraces)).length
    const before = await count()
    const result = await answer(deps(), {
      question: 'Where do I book a parking space?',
      user: employee,
      skipTrace: true,
    })
    expect(result.traceId).toBeNull()
    expect(await count()).toBe(before)
  })
})

describe('documents with bracketed numbers', () => {
  it('a footnote marker quoted from a document is not taken for a citation', async () => {
    const leave = await ingestMarkdown(database.db, embedder, {
      slug: 'annual-leave',
      title: 'Annual Leave',
      body: 'Full-time employees receive 25 vacation days per year [2]. Part-time staff accrue leave pro rata.',
    })
    const result = await ask('How many vacation days do full-time employees receive per year?', employee)
    expect(result.abstained).toBe(false)
    expect(result.text).toContain('25 vacation days per year (2)')
    expect(result.validation).toMatchObject({ valid: true, invalidCitations: [] })
    expect(result.citations.map((c) => c.documentId)).toEqual([leave.documentId])
  })
})

describe('offline', () => {
  it('nothing in this file tried to reach beyond 127.0.0.1', () => {
    expect(guard.blocked).toEqual([])
  })
})
