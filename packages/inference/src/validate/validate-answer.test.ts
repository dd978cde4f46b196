import { describe, expect, it } from 'vitest'
import { validateAnswer } from './validate-answer'

const SOURCES = [
  { n: 1, text: 'Refunds for annual plans are issued within 14 days of the cancellation request.' },
  { n: 2, text: 'Monthly plans can be cancelled at any time from the billing page.' },
]

describe('validateAnswer', () => {
  it('accepts a fully supported, correctly cited answer', () => {
    const v = validateAnswer(
      'Refunds for annual plans are issued within 14 days [1]. Monthly plans can be cancelled at any time [2].',
      SOURCES,
    )
    expect(v).toMatchObject({ valid: true, invalidCitations: [], supportedSentenceRate: 1 })
    expect(v.sentences.map((s) => [s.citations, s.claim, s.supported])).toEqual([
      [[1], true, true],
      [[2], true, true],
    ])
    expect(v.sentences[0]?.text).toBe('Refunds for annual plans are issued within 14 days.')
  })

  it('reports citations of sources that were not provided, sorted and once each', () => {
    const v = validateAnswer(
      'Refunds are issued within 14 days [1][7]. Monthly plans can be cancelled [3, 7].',
      SOURCES,
    )
    expect(v.invalidCitations).toEqual([3, 7])
    expect(v.valid).toBe(false)
  })

  it('a claim is supported by the best of the passages it cites, not by passages it does not cite', () => {
    const v = validateAnswer(
      'Monthly plans can be cancelled at any time [1, 2]. Monthly plans can be cancelled at any time [1].',
      SOURCES,
    )
    expect(v.sentences.map((s) => s.supported)).toEqual([true, false])
    expect(v.supportedSentenceRate).toBe(0.5)
  })

  it('an uncited claim is unsupported; a sentence that claims nothing is neither counted nor flagged', () => {
    const v = validateAnswer('Here is what I found. Refunds are issued within 14 days.', SOURCES)
    expect(v.sentences.map((s) => [s.claim, s.supported, s.support])).toEqual([
      [false, true, 0],
      [true, false, 0],
    ])
    expect(v.supportedSentenceRate).toBe(0)
    expect(v.valid).toBe(false)
  })

  it('supportedSentenceRate counts claims only', () => {
    const v = validateAnswer(
      'Here is what I found. Refunds are issued within 14 days [1]. Refunds are issued within 30 days [1]. Plans include free unlimited coffee [2].',
      SOURCES,
    )
    expect(v.sentences.map((s) => s.supported)).toEqual([true, true, false, false])
    expect(v.supportedSentenceRate).toBeCloseTo(1 / 3, 12)
    expect(v.valid).toBe(true)
  })

  it('uses a citation written after the full stop for the sentence before it', () => {
    const v = validateAnswer(
      'Refunds are issued within 14 days. [1] Monthly plans can be cancelled at any time. [2]',
      SOURCES,
    )
    expect(v.sentences.map((s) => s.citations)).toEqual([[1], [2]])
    expect(v.supportedSentenceRate).toBe(1)
  })

  it('an empty answer is not valid', () => {
    expect(validateAnswer('', SOURCES)).toEqual({
      valid: false,
      invalidCitations: [],
      sentences: [],
      supportedSentenceRate: 0,
    })
  })
})
