import { describe, expect, it } from 'vitest'
import { isClaim, SUPPORT_THRESHOLD, supportScore } from './support'

const PASSAGE = 'Refunds for annual plans are issued within 14 days of the cancellation request.'

describe('supportScore', () => {
  it('is the share of the sentence’s content terms found in the passage (stemmed)', () => {
    expect(supportScore('Refunds are issued within 14 days.', PASSAGE)).toBe(1)
    expect(supportScore('A refund is issued for cancelled annual plans.', PASSAGE)).toBe(1)
    // refund, issu, within, 14, dai, bank, transfer: 5 of 7 found.
    expect(supportScore('Refunds are issued within 14 days by bank transfer.', PASSAGE)).toBeCloseTo(
      5 / 7,
      12,
    )
  })

  it('ignores stop words on both sides', () => {
    const stopWordy = 'It is the case that refunds are to be issued within 14 days, as they should be.'
    // Only "case" is a content word the passage lacks.
    expect(supportScore(stopWordy, PASSAGE)).toBeCloseTo(5 / 6, 12)
    expect(supportScore('It is what it is.', PASSAGE)).toBe(1)
  })

  it('halves support when the sentence states a number the passage does not contain', () => {
    // refund, issu, within, 30, dai: 4 of 5 terms, and 30 is not in the passage.
    expect(supportScore('Refunds are issued within 30 days.', PASSAGE)).toBeCloseTo(4 / 5 / 2, 12)
    expect(supportScore('Refunds are issued within 30 days.', PASSAGE)).toBeLessThan(SUPPORT_THRESHOLD)
    // Every number present: no penalty.
    expect(supportScore('Refunds: 14 days.', PASSAGE)).toBe(1)
    expect(supportScore('The band is 60,000 EUR.', 'The band is 60,000 EUR a year.')).toBe(1)
  })

  it('an empty passage supports nothing', () => {
    expect(supportScore('Refunds are issued within 14 days.', '')).toBe(0)
  })
})

describe('isClaim', () => {
  it('needs at least three content words', () => {
    expect(isClaim('Here is what I found:')).toBe(false)
    expect(isClaim('Yes.')).toBe(false)
    expect(isClaim('Refunds are issued within 14 days.')).toBe(true)
  })
})
