import { describe, expect, it } from 'vitest'
import { dedupe, duplicateKey } from './dedupe'

describe('near-duplicate removal', () => {
  it('treats case, whitespace, punctuation, stop words and citation numbers as the same example', () => {
    const a = duplicateKey('How many PTO days do I get?', 'You get 25 days of PTO per year [1].')
    const b = duplicateKey('how many pto days do i get', 'You get 25 days of PTO per year [3]')
    const c = duplicateKey('How  many PTO days do I get?!', 'You get 25 days of PTO per year. [2]')
    expect(b).toBe(a)
    expect(c).toBe(a)
  })

  it('keeps examples whose question or answer differs in content', () => {
    const a = duplicateKey('How many PTO days do I get?', 'You get 25 days of PTO per year [1].')
    expect(duplicateKey('How many PTO days do I get?', 'You get 30 days of PTO per year [1].')).not.toBe(a)
    expect(duplicateKey('How many sick days do I get?', 'You get 25 days of PTO per year [1].')).not.toBe(a)
  })

  it('keeps the first of each key in input order and counts the rest', () => {
    const items = [
      { id: 1, q: 'Parking cost?', a: '5 EUR [1]' },
      { id: 2, q: 'Bike storage?', a: 'Free [1]' },
      { id: 3, q: 'parking  cost', a: '5 EUR [2]' },
    ]
    const result = dedupe(items, (i) => duplicateKey(i.q, i.a))
    expect(result.kept.map((i) => i.id)).toEqual([1, 2])
    expect(result.dropped).toBe(1)
  })
})
