import { ChatOpenAI } from '@langchain/openai'
import { EVERYONE_GROUP, groupIdByName, schema } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import {
  createEmbeddingProvider,
  EmbeddingDimensionMismatch,
  type EmbeddingProvider,
  embedTexts,
  readEmbeddingsEnv,
} from '@policydesk/ingest'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { readInferenceEnv } from '../env'
import { answer, streamAnswer } from '../pipeline/answer'
import type { AnswerResult, InferenceDeps } from '../pipeline/types'
import { ABSTENTION } from '../prompt/answer-prompt'
import {
  type FakeOpenAIServer,
  fakeVector,
  ingestMarkdown,
  installNetworkGuard,
  type NetworkGuard,
  startFakeOpenAIServer,
} from '../testing'
import { type ChatProvider, createChatProvider } from './chat-provider'

/**
 * The OpenAI-compatible path end to end: LangChain's ChatOpenAI / OpenAIEmbeddings talk real HTTP to a fake
 * server on 127.0.0.1, and the answer pipeline runs against an embedded Postgres. A network guard fails
 * (and records) anything that tries to leave the machine.
 */

const PARKING =
  'Parking in the company garage costs 5 EUR a day. Employees book a space in the workplace app before 10:00.'
const QUESTION = 'How much does parking in the company garage cost?'

let guard: NetworkGuard
let server: FakeOpenAIServer
let database: TestDatabase
let builtinEmbedder: EmbeddingProvider
let everyone: string

beforeAll(async () => {
  guard = installNetworkGuard()
  server = await startFakeOpenAIServer({ dimensions: 8 })
  database = await startTestDatabase()
  builtinEmbedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  await ingestMarkdown(database.db, builtinEmbedder, {
    slug: 'parking',
    title: 'Parking Policy',
    body: PARKING,
  })
  await ingestMarkdown(database.db, builtinEmbedder, {
    slug: 'travel-meals',
    title: 'Travel Meals',
    body: 'Meals during business travel are reimbursed up to 40 EUR a day. Receipts are submitted within 30 days.',
  })
  everyone = (await groupIdByName(database.db, EVERYONE_GROUP)) ?? ''
})

afterAll(async () => {
  await server?.close()
  await database?.stop()
  guard?.restore()
})

afterEach(() => server.reset())

/** The env an operator would set, parsed by the real schema. */
function llmEnv(extra: Record<string, string> = {}) {
  return readInferenceEnv({
    LLM_BASE_URL: server.url,
    LLM_MODEL: 'policy-model',
    LLM_API_KEY: 'sk-test-key',
    LLM_MAX_RETRIES: '0',
    LLM_TIMEOUT_MS: '1500',
    LLM_PRICES: 'policy-model=2/8,backup-model=1/1',
    ...extra,
  })
}

function deps(chat: ChatProvider, embedder: EmbeddingProvider = builtinEmbedder): InferenceDeps {
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

const ask = (chat: ChatProvider, question = QUESTION) =>
  answer(deps(chat), { question, user: { userId: null, groupIds: [everyone] } })

async function timed<T>(work: Promise<T>): Promise<{ ms: number; result: T | undefined; error: unknown }> {
  const started = performance.now()
  try {
    const result = await work
    return { ms: performance.now() - started, result, error: undefined }
  } catch (error) {
    return { ms: performance.now() - started, result: undefined, error }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

// A stalled stream must fail fast, not at vitest's 60 s default.
describe('chat over the OpenAI protocol', { timeout: 10_000 }, () => {
  it('streams tokens in order; the final text is their concatenation; usage and cost come from the stream', async () => {
    const chunks = ['Parking ', 'in the company garage ', 'costs 5 EUR ', 'a day ', '[1].']
    server.enqueueChat({
      kind: 'reply',
      text: chunks.join(''),
      chunks,
      usage: { prompt_tokens: 1_200, completion_tokens: 30 },
    })
    const tokens: string[] = []
    let final: AnswerResult | undefined
    for await (const event of streamAnswer(deps(createChatProvider(llmEnv())), {
      question: QUESTION,
      user: { userId: null, groupIds: [everyone] },
    })) {
      if (event.type === 'token') tokens.push(event.text)
      else if (event.type === 'final') final = event.result
    }
    expect(tokens).toEqual(chunks)
    expect(final?.text).toBe(tokens.join(''))
    expect(final?.model).toBe('policy-model')
    expect(final?.abstained).toBe(false)
    expect(final?.citations.map((c) => c.documentSlug)).toEqual(['parking'])
    // Usage from the provider's final chunk, priced with LLM_PRICES (2 $/M in, 8 $/M out).
    expect(final?.usage).toEqual({ tokensIn: 1_200, tokensOut: 30, costUsd: (1_200 * 2 + 30 * 8) / 1e6 })
    expect(final?.latencyMs.ttft).toBeGreaterThanOrEqual(0)

    // What went over the wire: one streaming request asking for usage, the key as a bearer token, the
    // versioned prompt with the retrieved passage as a numbered source and the question as the user turn.
    const [request, ...others] = server.chatRequests()
    expect(others).toHaveLength(0)
    expect(request?.model).toBe('policy-model')
    expect(request?.stream).toBe(true)
    expect(request?.includeUsage).toBe(true)
    expect(request?.headers.authorization).toBe('Bearer sk-test-key')
    expect(request?.messages.map((m) => m.role)).toEqual(['system', 'user'])
    expect(request?.messages[0]?.content).toMatch(
      /<source n="1" title="Parking Policy">\nParking in the company/,
    )
    expect(request?.messages[1]?.content).toBe(QUESTION)
  })

  it('without a usage report, counts tokens locally (no tokenizer download) and still prices them', async () => {
    server.enqueueChat({
      kind: 'reply',
      text: 'Parking in the company garage costs 5 EUR a day [1].',
      usage: null,
    })
    const result = await ask(createChatProvider(llmEnv()))
    expect(server.chatRequests()[0]?.includeUsage).toBe(true)
    expect(result.usage.tokensIn).toBeGreaterThan(50)
    expect(result.usage.tokensOut).toBeGreaterThan(3)
    expect(result.usage.costUsd).toBeCloseTo(
      (result.usage.tokensIn * 2 + result.usage.tokensOut * 8) / 1e6,
      12,
    )
  })

  it('retries a 429 (retry-after: 0) and then succeeds', async () => {
    server.enqueueChat(
      { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
      { kind: 'reply', text: `${PARKING.split('. ')[0]} [1].` },
    )
    const result = await ask(createChatProvider(llmEnv({ LLM_MAX_RETRIES: '2' })))
    expect(server.chatRequests().map((r) => r.behaviour)).toEqual(['status', 'reply'])
    expect(result.text).toContain('costs 5 EUR a day')
    expect(result.abstained).toBe(false)
  })

  it('a 429 without retry-after is not retried (LangChain: capacity error): the fallback model answers', async () => {
    server.enqueueChat({ kind: 'status', status: 429 })
    const result = await ask(
      createChatProvider(llmEnv({ LLM_MAX_RETRIES: '3', LLM_FALLBACK_MODEL: 'backup-model' })),
    )
    expect(server.chatRequests().map((r) => [r.model, r.behaviour])).toEqual([
      ['policy-model', 'status'],
      ['backup-model', 'echo-sources'],
    ])
    expect(result.model).toBe('backup-model')
  })

  it('gives up on a server that never answers within LLM_TIMEOUT_MS, with a clear error', async () => {
    server.enqueueChat({ kind: 'hang' })
    const { ms, error } = await timed(ask(createChatProvider(llmEnv())))
    expect(messageOf(error)).toMatch(/policy-model.*timed out/i)
    expect(ms).toBeGreaterThan(1_400)
    expect(ms).toBeLessThan(4_000)
    expect(server.chatRequests()).toHaveLength(1)
  })

  it('gives up on a stream that goes silent after the headers, within LLM_TIMEOUT_MS', async () => {
    server.enqueueChat({ kind: 'stall', chunks: ['Parking costs '] })
    const tokens: string[] = []
    const run = async () => {
      for await (const event of streamAnswer(deps(createChatProvider(llmEnv())), {
        question: QUESTION,
        user: { userId: null, groupIds: [everyone] },
      }))
        if (event.type === 'token') tokens.push(event.text)
    }
    const { ms, error } = await timed(run())
    expect(tokens).toEqual(['Parking costs '])
    expect(messageOf(error)).toMatch(
      /policy-model failed after part of the answer was sent: .*no data for 1500 ms/,
    )
    expect(ms).toBeLessThan(4_000)
  })

  it('turns a malformed stream into a clear error instead of a crash or a hang', async () => {
    server.enqueueChat({ kind: 'malformed' })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { ms, error } = await timed(ask(createChatProvider(llmEnv())))
    errors.mockRestore()
    expect(error).toBeInstanceOf(Error)
    expect(messageOf(error)).toMatch(/^Every configured model failed: policy-model: .*JSON/)
    expect(ms).toBeLessThan(3_000)
  })

  it('falls back to LLM_FALLBACK_MODEL when the primary fails before any token', async () => {
    server.setModelBehaviour('policy-model', { kind: 'status', status: 503 })
    const result = await ask(createChatProvider(llmEnv({ LLM_FALLBACK_MODEL: 'backup-model' })))
    expect(server.chatRequests().map((r) => r.model)).toEqual(['policy-model', 'backup-model'])
    expect(result.model).toBe('backup-model')
    expect(result.abstained).toBe(false)
    expect(result.citations.map((c) => c.documentSlug)).toEqual(['parking'])
  })

  it('also falls back when the primary stalls before its first token', async () => {
    server.setModelBehaviour('policy-model', { kind: 'stall', chunks: [] })
    const result = await ask(createChatProvider(llmEnv({ LLM_FALLBACK_MODEL: 'backup-model' })))
    expect(result.model).toBe('backup-model')
    expect(result.text).toContain('costs 5 EUR a day')
  })

  it('never switches models once tokens reached the user', async () => {
    server.setModelBehaviour('policy-model', { kind: 'stall', chunks: ['Parking '] })
    const { error } = await timed(ask(createChatProvider(llmEnv({ LLM_FALLBACK_MODEL: 'backup-model' }))))
    expect(messageOf(error)).toMatch(
      /policy-model failed after part of the answer was sent: .*no data for 1500 ms/,
    )
    expect(server.chatRequests().map((r) => r.model)).toEqual(['policy-model'])
  })

  it('an answer aborted mid-stream stops at once and is neither cached nor traced', async () => {
    server.enqueueChat({ kind: 'stall', chunks: ['Parking ', 'costs '] })
    const rows = async () => ({
      traces: (await database.db.select().from(schema.answerTraces)).length,
      cached: (await database.db.select().from(schema.answerCache)).length,
    })
    const before = await rows()
    const controller = new AbortController()
    const cachingDeps = deps(createChatProvider(llmEnv()))
    cachingDeps.settings.cache = true
    const tokens: string[] = []
    const run = async () => {
      for await (const event of streamAnswer(cachingDeps, {
        question: QUESTION,
        user: { userId: null, groupIds: [everyone] },
        signal: controller.signal,
      })) {
        if (event.type !== 'token') continue
        tokens.push(event.text)
        if (tokens.length === 2) controller.abort()
      }
    }
    const { ms, error } = await timed(run())
    expect(tokens).toEqual(['Parking ', 'costs '])
    expect(error).toBeInstanceOf(Error)
    expect(ms).toBeLessThan(1_400) // well before the 1.5 s idle timeout would have ended it
    expect(await rows()).toEqual(before)
  })

  it('reports every model’s failure when all of them fail', async () => {
    server.setModelBehaviour('policy-model', { kind: 'status', status: 503, message: 'primary overloaded' })
    server.setModelBehaviour('backup-model', { kind: 'status', status: 404, message: 'no such model' })
    const { error } = await timed(ask(createChatProvider(llmEnv({ LLM_FALLBACK_MODEL: 'backup-model' }))))
    expect(messageOf(error)).toMatch(/policy-model.*primary overloaded/s)
    expect(messageOf(error)).toMatch(/backup-model.*no such model/s)
  })
})

describe('validating what the model says', () => {
  it('a citation of a source number that was not provided is reported invalid', async () => {
    server.enqueueChat({
      kind: 'reply',
      text: 'Parking in the company garage costs 5 EUR a day [1]. Employees book a space in the workplace app [7].',
    })
    const result = await ask(createChatProvider(llmEnv()))
    expect(result.validation.invalidCitations).toEqual([7])
    expect(result.validation.valid).toBe(false)
    expect(result.citations.map((c) => c.n)).toEqual([1])
  })

  it('an unsupported claim is flagged while the supported one passes', async () => {
    server.enqueueChat({
      kind: 'reply',
      text: 'Parking in the company garage costs 5 EUR a day [1]. Every employee also receives a free electric scooter each year [1].',
    })
    const result = await ask(createChatProvider(llmEnv()))
    const [supported, unsupported] = result.validation.sentences
    expect(supported).toMatchObject({ citations: [1], claim: true, supported: true })
    expect(unsupported).toMatchObject({ citations: [1], claim: true, supported: false })
    expect(unsupported?.text).toMatch(/electric scooter/)
    expect(result.validation.supportedSentenceRate).toBe(0.5)
    expect(result.abstained).toBe(false)
  })

  it('a wrong amount is not supported even when every word matches', async () => {
    server.enqueueChat({ kind: 'reply', text: 'Parking in the company garage costs 9 EUR a day [1].' })
    const result = await ask(createChatProvider(llmEnv()))
    expect(result.validation.sentences[0]?.supported).toBe(false)
    expect(result.abstained).toBe(true)
    expect(result.text).toBe(ABSTENTION)
    expect(result.citations).toEqual([])
  })

  it('an answer that only says the abstention phrase is an abstention', async () => {
    server.enqueueChat({ kind: 'reply', text: ABSTENTION })
    const result = await ask(createChatProvider(llmEnv()), 'Can I bring my dog to the office?')
    expect(result.abstained).toBe(true)
    expect(result.text).toBe(ABSTENTION)
    expect(result.citations).toEqual([])
  })
})

describe('embeddings over the OpenAI protocol', () => {
  const embeddingsEnv = (extra: Record<string, string> = {}) =>
    readEmbeddingsEnv({
      EMBEDDINGS_BASE_URL: server.url,
      EMBEDDINGS_MODEL: 'embed-model',
      EMBEDDINGS_API_KEY: 'sk-embed',
      EMBEDDINGS_DIMENSIONS: '8',
      ...extra,
    })

  it('batches by EMBEDDINGS_BATCH_SIZE and keeps the order of the texts', async () => {
    const provider = createEmbeddingProvider(embeddingsEnv({ EMBEDDINGS_BATCH_SIZE: '2' }))
    expect(provider).toMatchObject({ model: 'embed-model@8', dimensions: 8 })
    const texts = ['alpha', 'bravo', 'charlie', 'delta', 'echo']
    const vectors = await embedTexts(provider, texts)
    const requests = server.embeddingRequests()
    expect(requests.map((r) => r.input.length).sort()).toEqual([1, 2, 2])
    expect(requests.flatMap((r) => r.input).sort()).toEqual(texts)
    expect(requests.every((r) => r.model === 'embed-model')).toBe(true)
    expect(requests[0]?.headers.authorization).toBe('Bearer sk-embed')
    for (const [i, vector] of vectors.entries()) {
      const expected = fakeVector(texts[i] ?? '', 8)
      for (const [j, v] of vector.entries()) expect(v).toBeCloseTo(expected[j] ?? Number.NaN, 6)
    }
  })

  it('retries a 5xx', async () => {
    server.enqueueEmbeddings({ kind: 'status', status: 502 })
    const vectors = await embedTexts(createEmbeddingProvider(embeddingsEnv()), ['alpha'])
    expect(server.embeddingRequests().map((r) => r.behaviour)).toEqual(['status', 'vectors'])
    expect(vectors[0]).toHaveLength(8)
  })

  it('retries a 429', async () => {
    server.enqueueEmbeddings({ kind: 'status', status: 429, headers: { 'retry-after': '0' } })
    const vectors = await embedTexts(createEmbeddingProvider(embeddingsEnv()), ['alpha'])
    expect(server.embeddingRequests().map((r) => r.behaviour)).toEqual(['status', 'vectors'])
    expect(vectors[0]).toHaveLength(8)
  })

  it('does not retry a 401 and says why', async () => {
    server.enqueueEmbeddings({ kind: 'status', status: 401, message: 'Incorrect API key provided' })
    await expect(embedTexts(createEmbeddingProvider(embeddingsEnv()), ['alpha'])).rejects.toThrow(
      /Incorrect API key/,
    )
    expect(server.embeddingRequests()).toHaveLength(1)
  })

  it('a model returning another dimension fails with EmbeddingDimensionMismatch', async () => {
    server.enqueueEmbeddings({ kind: 'vectors', dimensions: 12 })
    const error = await embedTexts(createEmbeddingProvider(embeddingsEnv()), ['alpha']).catch((e) => e)
    expect(error).toBeInstanceOf(EmbeddingDimensionMismatch)
    expect(error.message).toBe(
      'Embedding model embed-model@8 returned 12 dimensions; EMBEDDINGS_DIMENSIONS says 8',
    )
  })

  it('ingest and answer entirely through the fake server (8-dimensional vectors, echoing model)', async () => {
    const embedder = createEmbeddingProvider(embeddingsEnv())
    const bikes = await ingestMarkdown(database.db, embedder, {
      slug: 'bike-storage',
      title: 'Bike Storage',
      body: 'Bicycles are stored in the locked room next to the loading dock. Keys are issued by reception.',
    })
    const ingestRequests = server.embeddingRequests().length
    expect(ingestRequests).toBeGreaterThan(0)
    const result = await answer(deps(createChatProvider(llmEnv()), embedder), {
      question: 'Where are bicycles stored?',
      user: { userId: null, groupIds: [everyone] },
    })
    // The query was embedded by the same model; only this model's vectors were searched.
    expect(server.embeddingRequests().slice(ingestRequests)[0]?.input).toEqual(['Where are bicycles stored?'])
    expect(result.embeddingModel).toBe('embed-model@8')
    expect(result.text).toBe('Bicycles are stored in the locked room next to the loading dock [1].')
    expect(result.citations.map((c) => c.documentSlug)).toEqual(['bike-storage'])
    expect(result.validation.valid).toBe(true)
    const vectorSide = new Set(
      result.candidates.filter((c) => c.vectorRank !== null).map((c) => c.documentId),
    )
    expect(vectorSide).toEqual(new Set([bikes.documentId]))
  })
})

describe('nothing needs the internet', () => {
  it('the guard does catch LangChain’s tokenizer download (the .invoke() pitfall)', async () => {
    const inner = installNetworkGuard()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const chat = new ChatOpenAI({
        model: 'gpt-4o-mini',
        apiKey: 'x',
        configuration: { baseURL: server.url },
      })
      await chat.getNumTokens('How many vacation days do I have?')
    } finally {
      warn.mockRestore()
      inner.restore()
    }
    expect(inner.blocked.some((b) => b.includes('tiktoken'))).toBe(true)
  })

  it('no test in this file tried to reach beyond 127.0.0.1', () => {
    expect(guard.blocked).toEqual([])
  })
})
