import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadRanker, parseRanker, RANKER_FEATURES, rerankCandidates } from '@policydesk/inference'
import { afterAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../dataset/random'
import { rankerFileName, writeRankerArtifact } from './artifact'
import { defaultRankerOptions, trainRanker } from './train'
import type { RankerCandidate, RankerTrace } from './training-data'

const TOPICS = [
  'parking',
  'refund',
  'laptop',
  'pension',
  'travel',
  'badge',
  'holiday',
  'printer',
  'salary',
  'visa',
]
const FILLER = ['office', 'team', 'manager', 'process', 'request', 'company', 'policy', 'section']

/**
 * Separable by construction: the relevant passage contains the question's topic words; the fused scores
 * are random (so the fused order is uninformative). A ranker that learns term overlap gets AUC near 1.
 */
function syntheticTraces(count: number, seed: string): RankerTrace[] {
  const random = seededRandom(seed)
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T
  return Array.from({ length: count }, (_, t) => {
    const topic = pick(TOPICS)
    const other = pick(TOPICS.filter((x) => x !== topic))
    const query = `What is the ${topic} rule number ${t}?`
    const candidates: RankerCandidate[] = Array.from({ length: 8 }, (_, i) => {
      const relevant = i === Math.floor(random() * 8) || (i === 7 && random() < 0.3)
      const text = relevant
        ? `The ${topic} rule number ${t} says ${pick(FILLER)} ${pick(FILLER)}.`
        : `The ${other} guidance covers ${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}.`
      return {
        chunkId: `c-${t}-${i}`,
        documentSlug: relevant ? topic : other,
        title: relevant ? `${topic} policy` : `${other} policy`,
        headingPath: [],
        text,
        tokenCount: 20 + Math.floor(random() * 200),
        vectorScore: random(),
        vectorRank: i + 1,
        textScore: random() * 0.2,
        textRank: i + 1,
        fusedScore: random() * 0.03,
        effectiveDate: null,
        label: { label: relevant ? 1 : 0, weight: relevant ? 1 : 0.3, strong: relevant },
      }
    })
    return { traceId: `trace-${t}`, query, splitKey: query, candidates }
  })
}

const dir = mkdtempSync(path.join(tmpdir(), 'pd-ft-ranker-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('trainRanker', () => {
  const traces = syntheticTraces(120, 'ranker')
  const { artifact, report } = trainRanker(traces, [], { ...defaultRankerOptions, epochs: 600 })

  it('separates relevant from irrelevant passages on held-out questions', () => {
    expect(report.traces.heldOut).toBeGreaterThan(10)
    expect(report.heldOut.auc).toBeGreaterThan(0.9)
    expect(report.heldOut.ranking.mrrRanker ?? 0).toBeGreaterThan(report.heldOut.ranking.mrrFused ?? 1)
    expect(report.weights.text_overlap).toBeGreaterThan(0)
  })

  it('writes a versioned artifact that inference loads, validates and ranks with', async () => {
    expect(artifact.features).toEqual([...RANKER_FEATURES])
    expect(rankerFileName(artifact)).toMatch(/^ranker-v1-\d{8}T\d{6}Z\.json$/)
    const file = await writeRankerArtifact(artifact, dir)
    const loaded = loadRanker(file)
    expect(loaded.weights).toEqual(artifact.weights)
    expect(parseRanker(JSON.parse(readFileSync(file, 'utf8')), file).metrics).toMatchObject({
      heldOut: { auc: report.heldOut.auc },
    })
    const trace = syntheticTraces(1, 'fresh')[0]
    if (!trace) throw new Error('no trace')
    const candidates = trace.candidates.map((c, i) => ({
      ...c,
      documentId: 'd',
      versionId: 'v',
      rank: i + 1,
    }))
    const reranked = rerankCandidates(trace.query, candidates, loaded)
    expect(reranked[0]?.label?.label).toBe(1)
    expect(reranked.map((c) => c.rank)).toEqual(candidates.map((_, i) => i + 1))
  })

  it('refuses to train without both classes', () => {
    const onlyNegatives = traces.map((t) => ({
      ...t,
      candidates: t.candidates.map((c) => ({ ...c, label: { label: 0 as const, weight: 1, strong: true } })),
    }))
    expect(() => trainRanker(onlyNegatives, [])).toThrow(/Need both relevant and irrelevant/)
  })
})
