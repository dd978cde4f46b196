import type { AnswerDetail, DetailCandidate } from '@policydesk/db'
import { describe, expect, it } from 'vitest'
import { panelPropsFor } from '@/lib/shared/review/panel-props'

const cand = (
  chunkId: string,
  rank: number,
  over: Partial<Extract<DetailCandidate, { readable: true }>> = {},
): DetailCandidate => ({
  chunkId,
  documentId: 'd',
  versionId: 'v',
  title: 'Doc',
  vectorScore: null,
  vectorRank: null,
  textScore: null,
  textRank: null,
  fusedScore: 0,
  rank,
  used: false,
  cited: false,
  readable: true,
  passage: `passage ${chunkId}`,
  heading: null,
  page: null,
  versionNo: 1,
  ...over,
})

const citation = (n: number, chunkId: string) => ({
  n,
  documentId: 'd',
  title: 'Doc',
  versionId: 'v',
  chunkId,
  quote: '',
  page: null,
})

describe('panelPropsFor', () => {
  it('offers readable passages only, cited and used ones first; citations in [n] order', () => {
    const detail = {
      trace: {
        id: 't',
        abstained: false,
        answer: 'A [1] B [2].',
        citations: [citation(2, 'c3'), citation(1, 'c2')],
      },
      candidates: [
        cand('c1', 1),
        cand('c2', 2, { used: true, cited: true }),
        cand('c3', 3, { used: true }),
        {
          ...cand('hidden', 4),
          readable: false,
          chunkId: null,
          documentId: null,
          versionId: null,
          title: null,
          passage: null,
        },
      ],
      review: {
        verdict: 'corrected',
        correctedAnswer: 'X [1].',
        correctedCitations: [citation(2, 'c1'), citation(1, 'c3')],
        labels: ['tone'],
        notes: null,
        reviewerName: 'Ana',
        updatedAt: new Date(),
      },
      curated: [],
    } as unknown as AnswerDetail
    const props = panelPropsFor(detail)
    expect(props.candidates.map((c) => c.chunkId)).toEqual(['c2', 'c3', 'c1'])
    expect(props.originalCitedChunkIds).toEqual(['c2', 'c3'])
    expect(props.review?.citedChunkIds).toEqual(['c3', 'c1'])
  })
})
