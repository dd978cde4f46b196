import type { schema } from '@policydesk/db'
import { describe, expect, it } from 'vitest'
import { labelCandidates } from './labels'

const candidate = (id: string, rank: number, used = false, cited = false): schema.TraceCandidate => ({
  chunkId: id,
  documentId: 'd',
  versionId: 'v',
  title: 't',
  vectorScore: null,
  vectorRank: null,
  textScore: null,
  textRank: null,
  fusedScore: 1 / rank,
  rank,
  used,
  cited,
})
const citation = (n: number, chunkId: string): schema.TraceCitation => ({
  n,
  chunkId,
  documentId: 'd',
  versionId: 'v',
  title: 't',
  quote: '',
  page: null,
})
const candidates = [
  candidate('a', 1, true, true),
  candidate('b', 2, true),
  candidate('c', 3),
  candidate('far', 30),
]
const summary = (m: Map<string, { label: number; weight: number }>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, `${v.label}@${v.weight}`]))

describe('labelCandidates', () => {
  it('approved: cited positive, every retrieved-but-not-cited passage a weak negative', () => {
    const labels = labelCandidates(
      {
        verdict: 'approved',
        candidates,
        citations: [citation(1, 'a')],
        correctedCitations: null,
        labels: [],
      },
      0.3,
    )
    expect(summary(labels)).toEqual({ a: '1@1', b: '0@0.3', c: '0@0.3', far: '0@0.3' })
    const noWeak = labelCandidates(
      {
        verdict: 'approved',
        candidates,
        citations: [citation(1, 'a')],
        correctedCitations: null,
        labels: [],
      },
      0,
    )
    expect(summary(noWeak)).toEqual({ a: '1@1' })
  })

  it('corrected with wrong-source: the correction cites positives, the original citation is negative', () => {
    const labels = labelCandidates(
      {
        verdict: 'corrected',
        candidates,
        citations: [citation(1, 'a')],
        correctedCitations: [citation(1, 'far')],
        labels: ['wrong-source'],
      },
      0.3,
    )
    expect(summary(labels)).toEqual({ far: '1@1', a: '0@1', b: '0@0.3', c: '0@0.3' })
  })

  it('rejected: cited passages are negatives, the rest stays unlabelled', () => {
    const labels = labelCandidates(
      {
        verdict: 'rejected',
        candidates,
        citations: [citation(1, 'a')],
        correctedCitations: null,
        labels: [],
      },
      0.3,
    )
    expect(summary(labels)).toEqual({ a: '0@1' })
  })
})
