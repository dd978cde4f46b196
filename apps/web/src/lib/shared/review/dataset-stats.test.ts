import { describe, expect, it } from 'vitest'
import { describeFilter, parseDatasetStats } from '@/lib/shared/review/dataset-stats'

describe('parseDatasetStats', () => {
  it('reads the stats an export records', () => {
    const stats = parseDatasetStats({
      examples: 3,
      train: 2,
      validation: 1,
      considered: 5,
      tokens: { total: 900, mean: 300, max: 410 },
      labels: { approved: 2, corrected: 1, abstentions: 1, augmentedContext: 0 },
      documents: { covered: 2, slugs: ['benefits', 'travel'] },
      distractors: { perExample: 0, total: 0 },
      pii: { email: 2, phone: 0 },
      dropped: { acl: 1 },
    })
    expect(stats).toMatchObject({ examples: 3, train: 2, tokens: { max: 410 }, pii: { email: 2 } })
    expect(stats.documents.slugs).toEqual(['benefits', 'travel'])
  })

  it('shows zeros for what an older or damaged row lacks, instead of failing the page', () => {
    const stats = parseDatasetStats({ examples: 4, tokens: 'lots', labels: null })
    expect(stats.examples).toBe(4)
    expect(stats.tokens).toEqual({ total: 0, mean: 0, max: 0 })
    expect(stats.labels.approved).toBe(0)
    expect(parseDatasetStats(null).examples).toBe(0)
  })
})

describe('describeFilter', () => {
  it('lists the options a dataset was made with', () => {
    expect(
      describeFilter({
        verdicts: ['approved', 'corrected'],
        since: '2026-11-01T00:00:00.000Z',
        distractors: 2,
        validationShare: 0.1,
        analyst: 'analyst@example.com',
      }),
    ).toEqual([
      'verdicts approved, corrected',
      'since 2026-11-01',
      '2 distractors',
      'validation share 0.1',
      'as analyst@example.com',
    ])
    expect(describeFilter({})).toEqual([])
  })
})
