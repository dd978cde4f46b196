import { describe, expect, it } from 'vitest'
import { traceIdSchema } from './answers/[id]/schema'
import { curatedListSchema } from './curated/schema'
import { dashboardQuerySchema } from './dashboard/schema'
import { datasetDownloadSchema } from './datasets/[id]/download/schema'
import { datasetExportSchema } from './datasets/schema'
import { exportQuerySchema } from './export/schema'
import { queueQuerySchema } from './queue/schema'

describe('datasetExportSchema', () => {
  it('fills the CLI defaults and treats empty form fields as unset', () => {
    expect(datasetExportSchema.parse({ name: '', since: '' })).toEqual({
      name: undefined,
      since: undefined,
      verdicts: ['approved', 'corrected'],
      distractors: 0,
      validationShare: 0.1,
    })
    expect(
      datasetExportSchema.parse({ name: 'q4-refunds', since: '2026-11-01', verdicts: ['corrected'] }),
    ).toMatchObject({ name: 'q4-refunds', since: '2026-11-01', verdicts: ['corrected'] })
  })

  it('names each field that is wrong', () => {
    const result = datasetExportSchema.safeParse({
      name: '../etc/passwd',
      since: 'last week',
      verdicts: [],
      distractors: 9,
      validationShare: 0.9,
    })
    expect(result.success).toBe(false)
    const paths = new Set(result.error?.issues.map((i) => i.path[0]))
    expect(paths).toEqual(new Set(['name', 'since', 'verdicts', 'distractors', 'validationShare']))
  })
})

describe('datasetDownloadSchema', () => {
  it('defaults to the whole file and refuses unknown parts', () => {
    expect(datasetDownloadSchema.parse({})).toEqual({ part: 'all' })
    expect(datasetDownloadSchema.safeParse({ part: 'everything' }).success).toBe(false)
  })
})

describe('query and id schemas of the review API (malformed → 400, never a 500)', () => {
  it('accepts the documented values and defaults', () => {
    expect(dashboardQuerySchema.parse({})).toEqual({ range: '30d' })
    expect(dashboardQuerySchema.parse({ range: '7d' })).toEqual({ range: '7d' })
    expect(exportQuerySchema.parse({})).toEqual({ format: 'csv' })
    expect(queueQuerySchema.parse({})).toEqual({ direction: 'next' })
  })

  it('refuses what is not', () => {
    // "toString" is a key every object inherits: the old `in` check let it through to date arithmetic.
    for (const range of ['toString', '1y', ''])
      expect(dashboardQuerySchema.safeParse({ range }).success, range).toBe(false)
    expect(exportQuerySchema.safeParse({ format: 'xlsx' }).success).toBe(false)
    expect(curatedListSchema.safeParse({ status: 'gone' }).success).toBe(false)
    expect(queueQuerySchema.safeParse({ direction: 'sideways' }).success).toBe(false)
    expect(queueQuerySchema.safeParse({ after: 'x'.repeat(201) }).success).toBe(false)
    expect(traceIdSchema.safeParse('123').success).toBe(false)
    expect(datasetDownloadSchema.safeParse({ part: 'test' }).success).toBe(false)
  })
})
