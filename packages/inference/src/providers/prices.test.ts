import { describe, expect, it } from 'vitest'
import { costUsd, parsePrices } from './prices'

describe('LLM_PRICES', () => {
  it('parses model=input/output in USD per million tokens, including hub-style model names', () => {
    const prices = parsePrices(' gpt-4o-mini=0.15/0.6 , meta-llama/Llama-3.1-8B-Instruct=0.02/0.05,')
    expect([...prices]).toEqual([
      ['gpt-4o-mini', { input: 0.15, output: 0.6 }],
      ['meta-llama/Llama-3.1-8B-Instruct', { input: 0.02, output: 0.05 }],
    ])
    expect(parsePrices('').size).toBe(0)
  })

  it('rejects an entry it cannot read, naming it', () => {
    expect(() => parsePrices('gpt-4o=2.5')).toThrow('Invalid LLM_PRICES entry "gpt-4o=2.5"')
    expect(() => parsePrices('gpt-4o=2.5/ten')).toThrow(/gpt-4o=2.5\/ten/)
  })

  it('costs tokens at the model’s price; unknown (self-hosted) models cost nothing', () => {
    const prices = parsePrices('gpt-4o=2.5/10')
    expect(costUsd(prices, 'gpt-4o', 1_000_000, 100_000)).toBeCloseTo(3.5, 12)
    expect(costUsd(prices, 'gpt-4o', 1_200, 30)).toBeCloseTo(0.0033, 12)
    expect(costUsd(prices, 'llama3', 1_000_000, 1_000_000)).toBe(0)
  })
})
