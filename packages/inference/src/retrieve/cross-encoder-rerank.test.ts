import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readInferenceEnv } from '../env'
import {
  type FakeRerankBehaviour,
  type FakeRerankServer,
  startFakeRerankServer,
} from '../testing/fake-rerank-server'
import { type CrossEncoderConfig, crossEncoderRerank, readCrossEncoderConfig } from './cross-encoder-rerank'
import type { Candidate } from './types'

let tei: FakeRerankServer
let cohere: FakeRerankServer

beforeAll(async () => {
  tei = await startFakeRerankServer({ flavour: 'tei' })
  cohere = await startFakeRerankServer({ flavour: 'cohere', apiKey: 'secret-key' })
})
afterAll(async () => {
  await tei?.close()
  await cohere?.close()
})
afterEach(() => {
  tei.reset()
  cohere.reset()
})

function candidate(id: string, text: string, rank: number): Candidate {
  return {
    chunkId: id,
    documentId: `doc-${id}`,
    documentSlug: `slug-${id}`,
    versionId: `v-${id}`,
    title: 'Handbook',
    headingPath: ['Handbook', 'Leave'],
    text,
    pageStart: null,
    pageEnd: null,
    tokenCount: 12,
    charStart: 0,
    ordinal: 0,
    vectorScore: 0.5,
    vectorRank: rank,
    textScore: 0.1,
    textRank: rank,
    fusedScore: 1 / (60 + rank),
    rank,
  }
}

const QUESTION = 'How many vacation days do new employees get?'
// Fused order puts the answer last; term overlap with the question (the fake's relevance) reverses it.
const fused = [
  candidate('badge', 'Office badges must be worn visibly at all times.', 1),
  candidate('parking', 'Employees get a parking space.', 2),
  candidate('vacation', 'New employees get 20 vacation days in their first year.', 3),
]
const ids = (candidates: Candidate[]) => candidates.map((c) => c.chunkId)

const teiConfig = (extra: Partial<CrossEncoderConfig> = {}): CrossEncoderConfig => ({
  baseUrl: tei.url,
  protocol: 'tei',
  model: null,
  apiKey: null,
  timeoutMs: 2_000,
  topN: 20,
  ...extra,
})
const cohereConfig = (extra: Partial<CrossEncoderConfig> = {}): CrossEncoderConfig => ({
  baseUrl: `${cohere.url}/v1`,
  protocol: 'cohere',
  model: 'bge-reranker-v2-m3',
  apiKey: 'secret-key',
  timeoutMs: 2_000,
  topN: 20,
  ...extra,
})

describe('crossEncoderRerank: the tei flavour', () => {
  it('re-orders by the server scores, records them and renumbers rank', async () => {
    const { candidates, outcome } = await crossEncoderRerank(teiConfig(), QUESTION, fused)
    expect(ids(candidates)).toEqual(['vacation', 'parking', 'badge'])
    expect(candidates.map((c) => c.rank)).toEqual([1, 2, 3])
    expect(candidates.map((c) => c.rerankScore)).toEqual([5 / 6, 2 / 6, 0])
    // Every other field is kept.
    expect(candidates[0]).toMatchObject({ ...fused[2], rank: 1 })
    expect(outcome).toMatchObject({ applied: true, model: `tei ${tei.url}`, scores: [0, 2 / 6, 5 / 6] })
    expect(outcome.reason).toBeUndefined()
    expect(outcome.ms).toBeGreaterThan(0)
  })

  it('speaks TEI: POST /rerank with texts (heading path first), truncate, sigmoid scores, no model', async () => {
    await crossEncoderRerank(teiConfig(), QUESTION, fused)
    expect(tei.requests).toHaveLength(1)
    const [request] = tei.requests
    expect(request).toMatchObject({ method: 'POST', path: '/rerank', behaviour: 'score' })
    expect(request?.body).toEqual({
      query: QUESTION,
      texts: fused.map((c) => `Handbook > Leave\n${c.text}`),
      raw_scores: false,
      truncate: true,
    })
    expect(request?.headers.authorization).toBeUndefined()
  })
})

describe('crossEncoderRerank: the cohere flavour (Cohere, Jina, vLLM)', () => {
  it('sends model, documents, top_n and the API key as a Bearer token to {base}/rerank', async () => {
    const { candidates, outcome } = await crossEncoderRerank(cohereConfig(), QUESTION, fused)
    expect(ids(candidates)).toEqual(['vacation', 'parking', 'badge'])
    expect(outcome).toMatchObject({ applied: true, model: 'bge-reranker-v2-m3' })
    const [request] = cohere.requests
    expect(request).toMatchObject({ path: '/v1/rerank', model: 'bge-reranker-v2-m3', query: QUESTION })
    expect(request?.body).toMatchObject({
      documents: fused.map((c) => `Handbook > Leave\n${c.text}`),
      top_n: 3,
    })
    expect(request?.headers.authorization).toBe('Bearer secret-key')
  })

  it('works on a base URL without a version prefix (vLLM serves /rerank too)', async () => {
    const { outcome } = await crossEncoderRerank(cohereConfig({ baseUrl: `${cohere.url}/` }), QUESTION, fused)
    expect(outcome.applied).toBe(true)
    expect(cohere.requests[0]?.path).toBe('/rerank')
  })

  it('falls back when the API key is wrong (401) and names the status', async () => {
    const { candidates, outcome } = await crossEncoderRerank(
      cohereConfig({ apiKey: 'wrong' }),
      QUESTION,
      fused,
    )
    expect(candidates).toBe(fused)
    expect(outcome).toMatchObject({
      applied: false,
      reason: expect.stringMatching(/^HTTP 401 from .*API key/),
    })
  })

  it('falls back when the flavour is wrong for the server (TEI body to a Cohere-style server)', async () => {
    const { candidates, outcome } = await crossEncoderRerank(
      teiConfig({ baseUrl: cohere.url, apiKey: 'secret-key' }),
      QUESTION,
      fused,
    )
    expect(candidates).toBe(fused)
    expect(outcome.reason).toMatch(/^HTTP 400 .*documents/)
  })
})

describe('crossEncoderRerank: only the top N are sent', () => {
  it('re-orders the head and keeps the tail in its incoming order after it', async () => {
    const many = [
      candidate('a', 'Parking rules for visitors.', 1),
      candidate('b', 'Vacation days are approved by your manager.', 2),
      candidate('c', 'Badges are worn at all times.', 3),
      // The best match by far, but beyond top N: never sent, stays in place after the head.
      candidate('d', 'How many vacation days new employees get: 20.', 4),
      candidate('e', 'Expense reports are due monthly.', 5),
    ]
    const { candidates, outcome } = await crossEncoderRerank(teiConfig({ topN: 3 }), QUESTION, many)
    expect(tei.requests[0]?.documents).toHaveLength(3)
    expect(ids(candidates)).toEqual(['b', 'a', 'c', 'd', 'e'])
    expect(candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5])
    expect(candidates.slice(3).map((c) => c.rerankScore)).toEqual([undefined, undefined])
    expect(outcome.scores).toHaveLength(3)
  })
})

describe('crossEncoderRerank: failures leave the fused order and say why', () => {
  it('times out on a slow server within the timeout, not the server delay', async () => {
    tei.enqueue({ kind: 'slow', ms: 3_000 })
    const { candidates, outcome } = await crossEncoderRerank(teiConfig({ timeoutMs: 150 }), QUESTION, fused)
    expect(candidates).toBe(fused)
    expect(outcome).toMatchObject({ applied: false, reason: 'timeout after 150 ms (RERANK_TIMEOUT_MS)' })
    expect(outcome.ms).toBeGreaterThanOrEqual(140)
    expect(outcome.ms).toBeLessThan(1_500)
  })

  const reply = (body: unknown) => ({ kind: 'reply', body }) as const
  const cases: [string, FakeRerankBehaviour, RegExp][] = [
    [
      'HTTP 500',
      { kind: 'status', status: 500, message: 'model crashed' },
      /^HTTP 500 from .*\/rerank: .*model crashed/,
    ],
    ['JSON cut off', { kind: 'malformed' }, /^malformed response: not JSON/],
    [
      'an index past the last',
      { kind: 'out-of-range' },
      /^malformed response: index 3 out of range \(3 sent\)/,
    ],
    [
      'a duplicate index',
      reply([
        { index: 0, score: 0.9 },
        { index: 0, score: 0.8 },
        { index: 1, score: 0 },
      ]),
      /index 0 returned twice/,
    ],
    [
      'a missing passage',
      reply([
        { index: 0, score: 0.9 },
        { index: 2, score: 0.1 },
      ]),
      /1 of 3 passages not scored/,
    ],
    ['a score as a string', reply([{ index: 0, score: '0.9' }]), /^malformed response: 0\.score: /],
    ['a negative index', reply([{ index: -1, score: 0.9 }]), /^malformed response: 0\.index: /],
    [
      'results without relevance_score',
      reply({ results: [{ index: 0, score: 0.9 }] }),
      /results\.0\.relevance_score/,
    ],
    ['an error object', reply({ error: 'busy' }), /^malformed response: results: /],
  ]
  it.each(cases)('falls back on %s', async (_, behaviour, reason) => {
    tei.enqueue(behaviour)
    const { candidates, outcome } = await crossEncoderRerank(teiConfig(), QUESTION, fused)
    expect(candidates).toBe(fused)
    expect(outcome.applied).toBe(false)
    expect(outcome.reason).toMatch(reason)
    expect(outcome.scores).toBeUndefined()
  })

  it('validates the cohere shape too: an out-of-range index from a Cohere-style server', async () => {
    cohere.enqueue({ kind: 'out-of-range' })
    const { candidates, outcome } = await crossEncoderRerank(cohereConfig(), QUESTION, fused)
    expect(candidates).toBe(fused)
    expect(outcome.reason).toMatch(/index 3 out of range/)
  })

  it('reports a network error when nothing listens', async () => {
    const gone = await startFakeRerankServer({ flavour: 'tei' })
    await gone.close()
    const { candidates, outcome } = await crossEncoderRerank(
      teiConfig({ baseUrl: gone.url }),
      QUESTION,
      fused,
    )
    expect(candidates).toBe(fused)
    expect(outcome.reason).toMatch(/^network error calling http:\/\/127\.0\.0\.1:\d+\/rerank: .*ECONNREFUSED/)
  })

  it('honours the abort signal: returns as soon as the caller aborts', async () => {
    tei.enqueue({ kind: 'slow', ms: 3_000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const { candidates, outcome } = await crossEncoderRerank(
      teiConfig({ timeoutMs: 10_000 }),
      QUESTION,
      fused,
      controller.signal,
    )
    expect(candidates).toBe(fused)
    expect(outcome).toMatchObject({ applied: false, reason: 'aborted' })
    expect(outcome.ms).toBeLessThan(1_500)
  })

  it('sends nothing when already aborted, or when there is nothing to rank', async () => {
    const aborted = await crossEncoderRerank(teiConfig(), QUESTION, fused, AbortSignal.abort())
    expect(aborted.outcome.reason).toBe('aborted before the request')
    const empty = await crossEncoderRerank(teiConfig(), QUESTION, [])
    expect(empty).toMatchObject({ candidates: [], outcome: { applied: false, reason: 'no candidates' } })
    expect(tei.requests).toHaveLength(0)
  })
})

describe('readCrossEncoderConfig', () => {
  it('is off (null) without RERANK_BASE_URL', () => {
    expect(readCrossEncoderConfig(readInferenceEnv({}))).toBeNull()
  })

  it('defaults: tei without a model, cohere with one; 2 s timeout, top 20', () => {
    expect(readCrossEncoderConfig(readInferenceEnv({ RERANK_BASE_URL: 'http://tei:8080' }))).toEqual({
      baseUrl: 'http://tei:8080',
      protocol: 'tei',
      model: null,
      apiKey: null,
      timeoutMs: 2_000,
      topN: 20,
    })
    const jina = readInferenceEnv({
      RERANK_BASE_URL: 'https://api.jina.ai/v1',
      RERANK_MODEL: 'jina-reranker-v2-base-multilingual',
      RERANK_API_KEY: 'k',
      RERANK_TIMEOUT_MS: '800',
      RERANK_TOP_N: '10',
    })
    expect(readCrossEncoderConfig(jina)).toMatchObject({
      protocol: 'cohere',
      model: 'jina-reranker-v2-base-multilingual',
      apiKey: 'k',
      timeoutMs: 800,
      topN: 10,
    })
    const teiWithModel = readInferenceEnv({
      RERANK_BASE_URL: 'http://tei:8080',
      RERANK_MODEL: 'BAAI/bge-reranker-base',
      RERANK_PROTOCOL: 'tei',
    })
    expect(readCrossEncoderConfig(teiWithModel)?.protocol).toBe('tei')
  })

  it('rejects bad values with the variable name', () => {
    expect(() => readInferenceEnv({ RERANK_BASE_URL: 'ftp://x' })).toThrow(/RERANK_BASE_URL/)
    expect(() => readInferenceEnv({ RERANK_PROTOCOL: 'openai' })).toThrow(/RERANK_PROTOCOL/)
    expect(() => readInferenceEnv({ RERANK_TIMEOUT_MS: '5' })).toThrow(/RERANK_TIMEOUT_MS/)
    expect(() => readInferenceEnv({ RERANK_TOP_N: '1' })).toThrow(/RERANK_TOP_N/)
    expect(() =>
      readInferenceEnv({ RERANK_BASE_URL: 'https://api.cohere.com/v2', RERANK_PROTOCOL: 'cohere' }),
    ).toThrow(/RERANK_MODEL is required with RERANK_PROTOCOL=cohere/)
  })
})
