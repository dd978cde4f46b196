import { describe, expect, it } from 'vitest'
import { parseCitations, splitAnswerSentences, splitSentences, stripCitations } from './sentences'

describe('parseCitations', () => {
  it.each([
    ['Refunds are prorated [1].', [1]],
    ['Refunds are prorated [1, 2].', [1, 2]],
    ['Refunds are prorated [2,1].', [1, 2]],
    ['Refunds are prorated [1][3].', [1, 3]],
    ['Refunds [3] are prorated [1] [3].', [1, 3]],
    ['See source [12].', [12]],
    ['No citation here.', []],
    ['Not citations: [a], [], [1-2], (1).', []],
  ])('%s → %j', (sentence, expected) => {
    expect(parseCitations(sentence)).toEqual(expected)
  })
})

describe('stripCitations', () => {
  it('removes every citation form and the space left before punctuation', () => {
    expect(stripCitations('Refunds are prorated [1].')).toBe('Refunds are prorated.')
    expect(stripCitations('Refunds are prorated [1, 2][3], then paid [4].')).toBe(
      'Refunds are prorated, then paid.',
    )
    expect(stripCitations('[2] Refunds are prorated.')).toBe('Refunds are prorated.')
  })
})

describe('splitSentences', () => {
  it('splits prose into sentences and treats list items and lines as their own sentences', () => {
    expect(
      splitSentences(
        'First rule applies. Second rule too!\n\n- Item one\n* Item two\n1. Step one\n2) Step two',
      ),
    ).toEqual(['First rule applies.', 'Second rule too!', 'Item one', 'Item two', 'Step one', 'Step two'])
  })

  it('does not split inside numbers', () => {
    expect(splitSentences('The band is 60,000 to 71,500.50 EUR. It is reviewed yearly.')).toEqual([
      'The band is 60,000 to 71,500.50 EUR.',
      'It is reviewed yearly.',
    ])
  })
})

describe('splitAnswerSentences', () => {
  it('keeps citations written before the full stop in their sentence', () => {
    expect(splitAnswerSentences('Refunds are prorated [1]. They are paid within 14 days [2, 3].')).toEqual([
      'Refunds are prorated [1].',
      'They are paid within 14 days [2, 3].',
    ])
  })

  it('attaches citations written after the full stop to the sentence before, not the next one', () => {
    const sentences = splitAnswerSentences('Refunds are prorated. [1] They are paid within 14 days. [2][3]')
    expect(sentences).toHaveLength(2)
    expect(parseCitations(sentences[0] ?? '')).toEqual([1])
    expect(parseCitations(sentences[1] ?? '')).toEqual([2, 3])
    expect(stripCitations(sentences[1] ?? '')).toBe('They are paid within 14 days.')
  })

  it('handles a citation after the full stop of the last sentence and a leading citation', () => {
    expect(splitAnswerSentences('Refunds are prorated. [1]').map(parseCitations)).toEqual([[1]])
    expect(splitAnswerSentences('[1] Refunds are prorated.').map(parseCitations)).toEqual([[1]])
  })

  it('handles answers spread over list items', () => {
    const sentences = splitAnswerSentences('You can:\n- book a desk [1]\n- book a parking space. [2]')
    expect(sentences.map(parseCitations)).toEqual([[], [1], [2]])
  })
})
