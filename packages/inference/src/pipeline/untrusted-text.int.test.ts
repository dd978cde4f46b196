import { getUserByEmail, readableGroupIds, schema, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import {
  createEmbeddingProvider,
  type EmbeddingProvider,
  processVersion,
  readEmbeddingsEnv,
  submitDocumentVersion,
} from '@policydesk/ingest'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInferenceEnv } from '../env'
import { OMISSION_PLACEHOLDER } from '../prompt/omit-untrusted'
import { createChatProvider } from '../providers/chat-provider'
import {
  type FakeOpenAIServer,
  installNetworkGuard,
  type NetworkGuard,
  startFakeOpenAIServer,
} from '../testing'
import { ATTACK_MARKERS, type RedTeamFixture, redTeamFixtures } from '../testing/red-team-fixtures'
import { answer } from './answer'
import type { AnswerResult, Asker, InferenceDeps } from './types'

/**
 * Planted instructions and hidden text, end to end: the red-team fixtures (one per format) go through the
 * real ingestion (parse → chunk → store, embedded Postgres), then employees ask refund questions through
 * the real answer pipeline with the built-in extractive answerer and with an OpenAI-compatible model.
 */

let guard: NetworkGuard
let database: TestDatabase
let server: FakeOpenAIServer
let embedder: EmbeddingProvider
let employee: Asker
const versions = new Map<string, { fixture: RedTeamFixture; versionId: string }>()

beforeAll(async () => {
  guard = installNetworkGuard()
  database = await startTestDatabase()
  server = await startFakeOpenAIServer()
  await seedDemoUsers(database.db)
  embedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  for (const fixture of await redTeamFixtures()) {
    const submitted = await submitDocumentVersion(database.db, {
      sourceName: fixture.fileName,
      bytes: fixture.bytes,
    })
    const processed = await processVersion(
      { db: database.db, embedder, maxBytes: 5_000_000 },
      submitted.versionId,
    )
    if (processed.status !== 'ready') throw new Error(`${fixture.fileName}: ${JSON.stringify(processed)}`)
    versions.set(fixture.fileName, { fixture, versionId: submitted.versionId })
  }
  const user = await getUserByEmail(database.db, 'employee@example.com')
  if (!user) throw new Error('missing demo employee')
  employee = { userId: user.id, groupIds: await readableGroupIds(database.db, user.id) }
})

afterAll(async () => {
  await server?.close()
  await database?.stop()
  guard?.restore()
})

function deps(chat = createChatProvider(readInferenceEnv({}))): InferenceDeps {
  return {
    db: database.db,
    embedder,
    chat,
    ranker: null,
    crossEncoder: null,
    settings: {
      candidates: 20,
      weights: { vector: 1, text: 1 },
      bm25: { k1: 1.2, b: 0.75 },
      contextTokens: 1_800,
      maxSources: 6,
      cache: false,
      abstainBelow: 0.5,
    },
  }
}

const chunksOf = (versionId: string) =>
  database.db.select().from(schema.chunks).where(eq(schema.chunks.versionId, versionId))

const REFUND_QUESTIONS = [
  'How long do refunds take?',
  'Are refunds unlimited?',
  'What is the refund policy for annual plans?',
  'Is every refund unlimited?',
  'How are monthly plans refunded?',
]

describe('ingestion flags planted instructions and drops hidden text, in every format', () => {
  it('all five formats were ingested', () => {
    expect([...versions.keys()].sort()).toEqual([
      'refund-faq.docx',
      'refund-faq.html',
      'refund-faq.md',
      'refund-faq.pdf',
      'refund-questions.txt',
    ])
  })

  it('every planted sentence is flagged on its chunk, with a reason; nothing else is', async () => {
    for (const { fixture, versionId } of versions.values()) {
      const chunks = await chunksOf(versionId)
      const flagged = chunks.flatMap((c) => c.untrusted.map((span) => c.text.slice(span.start, span.end)))
      expect({ file: fixture.fileName, flagged: flagged.sort() }).toEqual({
        file: fixture.fileName,
        flagged: [...fixture.planted].sort(),
      })
      for (const chunk of chunks) for (const span of chunk.untrusted) expect(span.reason).toMatch(/^[a-z-]+$/)
    }
  })

  it('hidden text never reaches a stored chunk, and the version records how much was dropped', async () => {
    for (const { fixture, versionId } of versions.values()) {
      const stored = (await chunksOf(versionId)).map((c) => c.text).join('\n')
      for (const hidden of fixture.hidden) expect(stored).not.toContain(hidden)
      const [version] = await database.db
        .select({ dropped: schema.documentVersions.hiddenTextDropped })
        .from(schema.documentVersions)
        .where(eq(schema.documentVersions.id, versionId))
      expect({ file: fixture.fileName, dropped: version?.dropped }).toEqual({
        file: fixture.fileName,
        dropped: fixture.hidden.length,
      })
    }
  })
})

describe('answers never quote a planted instruction', () => {
  const quoted = (result: AnswerResult) => [result.text, ...result.citations.map((c) => c.quote)].join('\n')

  it('the built-in answerer, asked refund questions, answers from the FAQ and never says "unlimited"/"PWNED"', async () => {
    let answered = 0
    for (const question of REFUND_QUESTIONS) {
      const result = await answer(deps(), { question, user: employee })
      expect({ question, quoted: quoted(result) }).not.toEqual({
        question,
        quoted: expect.stringMatching(ATTACK_MARKERS),
      })
      if (!result.abstained) answered++
    }
    // The FAQ still answers ordinary refund questions: omitting the attack does not silence the document.
    expect(answered).toBeGreaterThanOrEqual(3)
    const days = await answer(deps(), {
      question: 'How long until a refund is paid to my original payment method?',
      user: employee,
    })
    expect(days.text).toContain('within 10 business days')
  })

  it('the trace records, per source, which sentences were withheld from the model and why', async () => {
    const result = await answer(deps(), { question: 'Are refunds unlimited?', user: employee })
    if (!result.traceId) throw new Error('no trace written')
    const [trace] = await database.db
      .select({ candidates: schema.answerTraces.candidates })
      .from(schema.answerTraces)
      .where(eq(schema.answerTraces.id, result.traceId))
    const omitted = (trace?.candidates ?? []).filter((c) => c.used).flatMap((c) => c.omitted ?? [])
    expect(omitted.length).toBeGreaterThanOrEqual(2)
    for (const sentence of omitted) {
      expect(sentence.reason).toMatch(
        /^(override|addressed-to-ai|persona|output-directive|prompt-disclosure|concealment)$/,
      )
      const planted = [...versions.values()].flatMap((v) => v.fixture.planted)
      expect(planted).toContain(sentence.text)
    }
    // Only the used passages are recorded, and only they have omissions.
    expect((trace?.candidates ?? []).filter((c) => !c.used && c.omitted)).toEqual([])
  })

  it('an OpenAI-compatible model never sees the planted text: the prompt carries a placeholder instead', async () => {
    const chat = createChatProvider(
      readInferenceEnv({
        LLM_BASE_URL: server.url,
        LLM_MODEL: 'policy-model',
        LLM_API_KEY: 'sk-test',
        LLM_MAX_RETRIES: '0',
      }),
    )
    server.reset()
    await answer(deps(chat), { question: 'Are refunds unlimited?', user: employee })
    const [request] = server.chatRequests()
    const prompt = (request?.messages ?? []).map((m) => m.content).join('\n')
    expect(prompt).toContain(OMISSION_PLACEHOLDER)
    expect(prompt).toContain('Refunds are paid to the original payment method within 10 business days.')
    expect(prompt).not.toMatch(/PWNED|RefundBot|never expire|Ignore all previous|Anweisungen/)
  })

  it('all stored chunks of the fixtures together hold every planted sentence (they are kept, only fenced)', async () => {
    const all = await database.db
      .select({ text: schema.chunks.text })
      .from(schema.chunks)
      .where(
        inArray(
          schema.chunks.versionId,
          [...versions.values()].map((v) => v.versionId),
        ),
      )
    const stored = all.map((c) => c.text).join('\n')
    for (const { fixture } of versions.values())
      for (const planted of fixture.planted) expect(stored).toContain(planted)
  })
})
