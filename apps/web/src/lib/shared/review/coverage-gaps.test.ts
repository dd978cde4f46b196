import { describe, expect, it } from 'vitest'
import { clusterCoverageGaps, jaccard } from '@/lib/shared/review/coverage-gaps'

let n = 0
const q = (question: string, extra: { abstained?: boolean; down?: boolean; day?: number } = {}) => ({
  traceId: `t${++n}`,
  question,
  abstained: extra.abstained ?? true,
  down: extra.down ?? false,
  createdAt: new Date(Date.UTC(2026, 10, extra.day ?? 1)),
})

describe('clusterCoverageGaps', () => {
  it('groups identical wordings (case, punctuation) and then similar ones', () => {
    const clusters = clusterCoverageGaps([
      q('Can I bring my dog to the office?'),
      q('can I bring my dog to the office'),
      q('Are dogs allowed in the office?', { day: 3 }),
      q('Is there a company car?', { abstained: false, down: true }),
    ])
    expect(clusters).toHaveLength(2)
    const [dogs, car] = clusters
    expect(dogs).toMatchObject({ count: 3, abstained: 3, down: 0 })
    // The label is the most asked wording; variants follow with how often they were asked.
    expect(dogs?.label.toLowerCase()).toContain('bring my dog')
    expect(dogs?.examples.map((e) => e.count)).toEqual([2, 1])
    expect(dogs?.lastAskedAt.toISOString()).toBe('2026-11-03T00:00:00.000Z')
    expect(car).toMatchObject({ count: 1, abstained: 0, down: 1 })
  })

  it('keeps unrelated questions apart and orders by size, then recency', () => {
    const clusters = clusterCoverageGaps([
      q('What is the bonus target for L4?', { day: 1 }),
      q('Where is the cafeteria menu?', { day: 9 }),
    ])
    expect(clusters.map((c) => c.label)).toEqual([
      'Where is the cafeteria menu?',
      'What is the bonus target for L4?',
    ])
  })

  it('respects the limit and ignores empty questions', () => {
    const many = Array.from({ length: 30 }, (_, i) => q(`question about topic${i} number${i}`))
    expect(clusterCoverageGaps([...many, q('???')], 5)).toHaveLength(5)
  })
})

describe('jaccard', () => {
  it('is the shared share of the union', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3)
    expect(jaccard(new Set(), new Set())).toBe(1)
  })
})
