import { countTokens } from '@policydesk/text'
import { describe, expect, it } from 'vitest'
import { covers, firstHitRank, hitWithinTokens, percentile, tokenF1 } from './metrics'

describe('covers', () => {
  const evidence = 'Refunds are prorated to the day.' // 32 characters: parts of 16 count

  it('finds the evidence ignoring case and whitespace', () => {
    expect(covers('Policy.\nREFUNDS   are prorated\nto the day. Other text.', evidence)).toBe(true)
  })

  it('compares words, not the markup a parser re-rendered (bullets, quotes, emphasis)', () => {
    const listed = 'You can get SSP if:\n\n* you’re an employee\n* you earn £120'
    expect(covers("You can get SSP if:\n- you're an employee\n- you **earn** £120", listed)).toBe(true)
    expect(covers("Statutory Sick Pay:\n- you're a contractor", listed)).toBe(false)
  })

  it('accepts a contiguous part at least half the evidence long', () => {
    expect(covers('… are prorated to the …', evidence)).toBe(true) // "are prorated to " = 16
    expect(covers('refunds are pror', evidence)).toBe(true) // exactly the first half
    expect(covers('refunds are pro', evidence)).toBe(false) // 15 < 16
    expect(covers('prorated to the day.', 'x'.repeat(50))).toBe(false)
  })

  it('never matches empty evidence', () => {
    expect(covers('anything', '')).toBe(false)
    expect(covers('anything', '   ')).toBe(false)
  })

  it('firstHitRank is 1-based and limited', () => {
    const passages = ['nothing here', 'still nothing', 'Refunds are prorated to the day.']
    expect(firstHitRank(passages, [evidence], 10)).toBe(3)
    expect(firstHitRank(passages, [evidence], 2)).toBeNull()
    expect(firstHitRank(passages, ['no such thing at all', evidence], 10)).toBe(3)
  })
})

describe('hitWithinTokens', () => {
  const filler = 'Unrelated words about desks and badges and printers. '.repeat(4).trim()
  const answer = 'Refunds are prorated to the day.'

  it('counts the evidence when the ranked passages up to the budget contain it', () => {
    const budget = countTokens(filler) + countTokens(answer)
    expect(hitWithinTokens([filler, answer], [answer], budget)).toBe(true)
    expect(hitWithinTokens([filler, answer], [answer], countTokens(filler))).toBe(false)
  })

  it('cuts the passage that crosses the budget on a word boundary', () => {
    const passage = `${answer} ${filler}`
    // Room for the answer sentence only: the cut passage still covers it.
    expect(hitWithinTokens([passage], [answer], countTokens(answer))).toBe(true)
    // Room for less than half of it: not covered.
    expect(hitWithinTokens([passage], [answer], 3)).toBe(false)
  })

  it('stops at the first passage that does not fit', () => {
    expect(hitWithinTokens([filler, filler, answer], [answer], countTokens(filler) + 2)).toBe(false)
  })
})

describe('tokenF1', () => {
  it('is 1 for the same content and 0 without overlap', () => {
    expect(tokenF1('Refunds are prorated.', 'refund prorated')).toBe(1)
    expect(tokenF1('Parking is free.', 'Refunds are prorated.')).toBe(0)
    expect(tokenF1('', 'Refunds are prorated.')).toBe(0)
  })

  it('is the harmonic mean of precision and recall over content terms', () => {
    // pred: refund, prorat, monthli; ref: refund, prorat → P 2/3, R 1
    expect(tokenF1('Refunds are prorated monthly', 'Refunds are prorated')).toBeCloseTo(0.8, 12)
    // repeated terms count once per occurrence in the reference
    expect(tokenF1('refund refund', 'refund')).toBeCloseTo(2 / 3, 12)
  })
})

describe('percentile', () => {
  const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5]

  it('uses the nearest rank on sorted values', () => {
    expect(percentile(values, 50)).toBe(5)
    expect(percentile(values, 95)).toBe(10)
    expect(percentile(values, 90)).toBe(9)
    expect(percentile(values, 0)).toBe(1)
    expect(percentile(values, 100)).toBe(10)
  })

  it('handles one and no values, and does not reorder the input', () => {
    expect(percentile([42], 95)).toBe(42)
    expect(percentile([], 50)).toBe(0)
    expect(values[0]).toBe(10)
  })
})
