import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readInferenceEnv, readRankerSetting } from '../env'
import {
  chunkKey,
  loadRanker,
  parseRanker,
  RANKER_FEATURES,
  type RankerArtifact,
  rankerFeatures,
  rerankCandidates,
} from './rerank'
import type { Candidate } from './types'

const dir = mkdtempSync(path.join(tmpdir(), 'pd-rerank-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** An artifact that only looks at one feature (standardised as-is: mean 0, std 1). */
function artifactWith(feature: (typeof RANKER_FEATURES)[number], extra: Partial<RankerArtifact> = {}) {
  return {
    kind: 'policydesk-ranker',
    version: 1,
    createdAt: '2026-11-26T00:00:00.000Z',
    model: 'logistic-regression',
    features: [...RANKER_FEATURES],
    normalisation: { mean: RANKER_FEATURES.map(() => 0), std: RANKER_FEATURES.map(() => 1) },
    weights: RANKER_FEATURES.map((f) => (f === feature ? 1 : 0)),
    bias: 0,
    chunkPriors: {},
    documentRecency: {},
    metrics: {},
    training: {},
    ...extra,
  } satisfies RankerArtifact
}

function candidate(id: string, text: string, rank: number, extra: Partial<Candidate> = {}): Candidate {
  return {
    chunkId: id,
    documentId: `doc-${id}`,
    documentSlug: `slug-${id}`,
    versionId: `v-${id}`,
    title: 'Handbook',
    headingPath: ['Handbook'],
    text,
    pageStart: null,
    pageEnd: null,
    tokenCount: 20,
    charStart: 0,
    ordinal: 0,
    vectorScore: 0.5,
    vectorRank: rank,
    textScore: 0.1,
    textRank: rank,
    fusedScore: 1 / (60 + rank),
    rank,
    ...extra,
  }
}

const fused = [
  candidate('a', 'Badges are issued at reception.', 1),
  candidate('b', 'Printers are on every floor.', 2),
  candidate('c', 'Parking in the garage costs 5 EUR a day.', 3),
  candidate('d', 'Desks are booked in the app.', 4),
]

describe('rerankCandidates', () => {
  it('orders by the ranker score and renumbers ranks, leaving the input untouched', () => {
    const ranker = parseRanker(artifactWith('text_overlap'), 'test')
    const reranked = rerankCandidates('How much does garage parking cost?', fused, ranker)
    expect(reranked.map((c) => c.chunkId)).toEqual(['c', 'a', 'b', 'd'])
    expect(reranked.map((c) => c.rank)).toEqual([1, 2, 3, 4])
    expect(fused.map((c) => c.rank)).toEqual([1, 2, 3, 4])
    expect(fused[0]?.chunkId).toBe('a')
  })

  it('uses the artifact tables: review history per passage text, recency per document', () => {
    const prior = parseRanker(
      artifactWith('chunk_prior', { chunkPriors: { [chunkKey('Desks  are booked in the app.')]: [5, 0] } }),
      'test',
    )
    expect(rerankCandidates('anything', fused, prior)[0]?.chunkId).toBe('d')
    const recency = parseRanker(
      artifactWith('recency', { documentRecency: { 'slug-b': 1, 'slug-a': 0 } }),
      'test',
    )
    // b is newest (1), c and d unknown (0.5), a oldest (0)
    expect(rerankCandidates('anything', fused, recency).map((c) => c.chunkId)).toEqual(['b', 'c', 'd', 'a'])
  })

  it('computes one row per candidate in RANKER_FEATURES order', () => {
    const rows = rankerFeatures('garage parking', fused, { prior: () => [0, 0], recency: () => null })
    expect(rows).toHaveLength(4)
    expect(rows[2]).toHaveLength(RANKER_FEATURES.length)
    const at = (row: number[] | undefined, f: (typeof RANKER_FEATURES)[number]) =>
      row?.[RANKER_FEATURES.indexOf(f)]
    expect(at(rows[2], 'text_overlap')).toBe(1)
    expect(at(rows[0], 'text_overlap')).toBe(0)
    expect(at(rows[0], 'fused_relative')).toBe(1)
    expect(at(rows[0], 'vector_rank_inv')).toBe(1)
  })
})

describe('loading a ranker artifact', () => {
  const write = (name: string, content: string) => {
    const file = path.join(dir, name)
    writeFileSync(file, content)
    return file
  }

  it('loads a valid file once', () => {
    const file = write('good.json', JSON.stringify(artifactWith('text_overlap')))
    const first = loadRanker(file)
    expect(loadRanker(file)).toBe(first)
  })

  it('fails clearly on a missing file, non-JSON, a wrong shape or other features', () => {
    expect(() => loadRanker(path.join(dir, 'missing.json'))).toThrow(/cannot read ranker .*missing\.json/)
    expect(() => loadRanker(write('text.json', 'weights: 1'))).toThrow(/is not JSON/)
    expect(() => loadRanker(write('shape.json', JSON.stringify({ kind: 'policydesk-ranker' })))).toThrow(
      /not a valid ranker artifact: version/,
    )
    const other = { ...artifactWith('text_overlap'), features: ['a', 'b'] }
    expect(() => parseRanker(other, 'x.json')).toThrow(/features: trained on \[a, b\].*retrain/)
    const short = { ...artifactWith('text_overlap'), weights: [1] }
    expect(() => parseRanker(short, 'x.json')).toThrow(/weights: expected 12 weights/)
  })

  it('RANKER is validated with the environment: a bad file is a startup error', () => {
    expect(readInferenceEnv({}).RANKER).toBe('off')
    expect(readRankerSetting({})).toBe('off')
    expect(() => readInferenceEnv({ RANKER: path.join(dir, 'nope.json') })).toThrow(
      /Invalid environment: RANKER cannot read ranker/,
    )
    const bad = write('bad.json', '{}')
    expect(() => readInferenceEnv({ RANKER: bad })).toThrow(
      /Invalid environment: RANKER .* not a valid ranker/,
    )
    const good = write('env-good.json', JSON.stringify(artifactWith('text_overlap')))
    expect(readInferenceEnv({ RANKER: good }).RANKER).toBe(good)
    expect(readRankerSetting({ RANKER: good })).toBe(good)
  })
})
