import { describe, expect, it } from 'vitest'
import { datasetDownloadSchema, datasetExportSchema } from './schema'

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
