import { describe, expect, it } from 'vitest'
import { termFrequencies } from './term-frequencies'

describe('termFrequencies', () => {
  it('counts stemmed content terms of the text and its context, sorted, with the length as their sum', () => {
    const tf = termFrequencies('Refunds are refunded within 14 days.', ['Refund policy', 'Enterprise'])
    expect(tf.terms).toEqual(['14', 'dai', 'enterpris', 'polici', 'refund', 'within'])
    expect(tf.freqs).toEqual([1, 1, 1, 1, 3, 1])
    expect(tf.length).toBe(8)
  })

  it('counts a heading repeated along the path once', () => {
    const once = termFrequencies('Text.', ['Refund policy'])
    const twice = termFrequencies('Text.', ['Refund policy', 'refund policy ', 'Refund policy'])
    expect(twice).toEqual(once)
  })

  it('is empty for text without content words', () => {
    expect(termFrequencies('the of and', [])).toEqual({ terms: [], freqs: [], length: 0 })
  })
})

describe('contractions and possessives', () => {
  it('fold before splitting, so no fragment like "don", "t" or "s" becomes a term', () => {
    expect(termFrequencies("I don't know the employee's manager; we've asked").terms).toEqual([
      'ask',
      'employe',
      'know',
      'manag',
    ])
    expect(termFrequencies("Can't, won't, doesn't").terms).toEqual([])
  })
})
