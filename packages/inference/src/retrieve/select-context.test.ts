import { describe, expect, it } from 'vitest'
import { NEAR_DUPLICATE_JACCARD, selectContext, termJaccard } from './select-context'
import type { Candidate } from './types'

let next = 0
function candidate(text: string, tokenCount: number, id = `c${++next}`): Candidate {
  return {
    chunkId: id,
    documentId: `doc-${id}`,
    documentSlug: `doc-${id}`,
    versionId: `v-${id}`,
    title: 'Title',
    headingPath: ['Title'],
    text,
    pageStart: null,
    pageEnd: null,
    tokenCount,
    charStart: 0,
    ordinal: 0,
    vectorScore: null,
    vectorRank: null,
    textScore: null,
    textRank: null,
    fusedScore: 0,
    rank: 0,
  }
}
const ids = (candidates: Candidate[]) => candidates.map((c) => c.chunkId)

const TOPICS = [
  'Parking in the garage costs five euros daily.',
  'Meals during travel are reimbursed up to forty euros.',
  'Laptops are replaced every three years by IT.',
  'Badges must be worn visibly inside offices.',
  'Expense claims need receipts within thirty days.',
  'Holiday requests go through the HR portal.',
  'Desks are booked two weeks ahead.',
  'Visitors sign in at reception.',
]

describe('selectContext', () => {
  it('keeps the fused order and stops at maxSources', () => {
    const all = TOPICS.map((t, i) => candidate(t, 10, `t${i}`))
    expect(ids(selectContext(all, { maxTokens: 10_000, maxSources: 3 }))).toEqual(['t0', 't1', 't2'])
    expect(selectContext(all, { maxTokens: 10_000, maxSources: 50 })).toHaveLength(TOPICS.length)
  })

  it('never exceeds the token budget; a passage that does not fit is skipped, smaller later ones still fit', () => {
    const picked = selectContext(
      [
        candidate(TOPICS[0] ?? '', 1_000, 'big'),
        candidate(TOPICS[1] ?? '', 900, 'too-much'),
        candidate(TOPICS[2] ?? '', 700, 'fits'),
        candidate(TOPICS[3] ?? '', 101, 'one-over'),
        candidate(TOPICS[4] ?? '', 100, 'exact'),
      ],
      { maxTokens: 1_800, maxSources: 10 },
    )
    expect(ids(picked)).toEqual(['big', 'fits', 'exact'])
    expect(picked.reduce((sum, c) => sum + c.tokenCount, 0)).toBe(1_800)
  })

  it('skips a passage that alone exceeds the budget rather than truncating it', () => {
    const picked = selectContext(
      [candidate(TOPICS[0] ?? '', 5_000, 'huge'), candidate(TOPICS[1] ?? '', 50, 'small')],
      {
        maxTokens: 1_000,
        maxSources: 5,
      },
    )
    expect(ids(picked)).toEqual(['small'])
    expect(picked[0]?.text).toBe(TOPICS[1])
  })

  it('drops near-duplicates of a passage already taken (same clause, other case, spacing, punctuation)', () => {
    const clause = 'Refunds for annual plans are prorated to the day and paid within 14 days.'
    const picked = selectContext(
      [
        candidate(clause, 20, 'original'),
        candidate(clause.toUpperCase().replace(/ /g, '  '), 20, 'copy'),
        candidate(`${clause} See also.`, 22, 'near'), // "see" adds one term: Jaccard 9/10
        candidate(TOPICS[0] ?? '', 10, 'other'),
      ],
      { maxTokens: 1_000, maxSources: 10 },
    )
    expect(ids(picked)).toEqual(['original', 'other'])
  })

  it('keeps passages that merely overlap', () => {
    const a = 'Employees may work remotely two days a week with approval.'
    const b = 'Contractors may work remotely one day a week without approval.'
    expect(termJaccard(a, b)).toBeLessThan(NEAR_DUPLICATE_JACCARD)
    expect(
      ids(selectContext([candidate(a, 10, 'a'), candidate(b, 10, 'b')], { maxTokens: 100, maxSources: 5 })),
    ).toEqual(['a', 'b'])
  })

  it('a near-duplicate that was skipped for its size does not block its twin', () => {
    const clause = 'Refunds for annual plans are prorated to the day and paid within 14 days.'
    const picked = selectContext([candidate(clause, 900, 'long'), candidate(clause, 40, 'short')], {
      maxTokens: 500,
      maxSources: 5,
    })
    expect(ids(picked)).toEqual(['short'])
  })
})

describe('termJaccard', () => {
  it('compares stemmed content-term sets, ignoring stop words', () => {
    expect(termJaccard('The refunds are prorated', 'refund prorated')).toBe(1)
    expect(termJaccard('refund prorated daily', 'refund prorated monthly')).toBeCloseTo(2 / 4, 12)
    expect(termJaccard('', 'anything')).toBe(0)
    expect(termJaccard('the and of', 'the and of')).toBe(0)
  })
})

describe('selectContext with neighbours', () => {
  const neighbour = (id: string, text: string, tokenCount: number, ordinal: number) => ({
    chunkId: id,
    headingPath: ['Title'],
    text,
    pageStart: null,
    pageEnd: null,
    tokenCount,
    charStart: 0,
    ordinal,
  })

  it('brings the list a unit introduces right after it, and the introduction before a list', () => {
    const intro = candidate('You can get the allowance if you:', 10, 'intro')
    intro.ordinal = 4
    intro.next = neighbour('list', '- live in England\n- are over 60', 12, 5)
    const list = candidate('- are a carer\n- earn under the limit', 10, 'list2')
    list.ordinal = 9
    list.previous = neighbour('intro2', 'You qualify for the credit if you:', 8, 8)
    const picked = selectContext([intro, list], { maxTokens: 100, maxSources: 10 })
    expect(ids(picked)).toEqual(['intro', 'list', 'intro2', 'list2'])
    expect(picked[1]).toMatchObject({ neighbourOf: 'intro', documentId: intro.documentId, textRank: null })
    expect(picked[2]).toMatchObject({ neighbourOf: 'list2' })
  })

  it('leaves a neighbour out when it would break the budget or is already in the context', () => {
    const intro = candidate('You can get the allowance if you:', 10, 'intro')
    intro.next = neighbour('list', '- live in England\n- are over 60', 50, 1)
    expect(ids(selectContext([intro], { maxTokens: 40, maxSources: 10 }))).toEqual(['intro'])
    const listFirst = candidate('- live in England\n- are over 60', 50, 'list')
    expect(ids(selectContext([listFirst, intro], { maxTokens: 100, maxSources: 10 }))).toEqual([
      'list',
      'intro',
    ])
  })
})
