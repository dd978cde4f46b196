import { describe, expect, it } from 'vitest'
import { checkExample, countExampleTokens, validateJsonl } from './format'

const example = (messages: { role: string; content: string }[]) => ({ messages })
const good = example([
  { role: 'system', content: 'You are Policy Desk.' },
  { role: 'user', content: 'How much is parking?' },
  { role: 'assistant', content: 'Parking costs 5 EUR a day [1].' },
])

describe('chat example format', () => {
  it('accepts system, user, assistant and counts o200k tokens with per-message overhead', () => {
    const check = checkExample(good, 1000)
    expect(check.ok).toBe(true)
    if (check.ok) expect(check.tokens).toBe(countExampleTokens(good as never))
    // 3 per message + 3 priming + the content tokens: more than the contents alone
    expect(countExampleTokens(good as never)).toBeGreaterThan(12)
  })

  it('rejects unknown roles, empty content, wrong order, a missing assistant turn and extra keys', () => {
    const cases = [
      example([{ role: 'tool', content: 'x' }, ...good.messages.slice(1)]),
      example([good.messages[0], { role: 'user', content: '   ' }, good.messages[2]] as never),
      example([good.messages[0], good.messages[2], good.messages[1]] as never),
      example(good.messages.slice(0, 2)),
      example([good.messages[1], good.messages[0], good.messages[2]] as never),
      { ...good, id: 'x' },
      { messages: 'nope' },
    ]
    for (const c of cases) {
      const check = checkExample(c, 1000)
      expect(check.ok, JSON.stringify(c)).toBe(false)
      if (!check.ok) expect(check.reason).toBe('invalid')
    }
  })

  it('drops an example over the token limit with the reason', () => {
    const check = checkExample(good, 10)
    expect(check).toMatchObject({ ok: false, reason: 'too-long' })
  })

  it('validates a JSONL file line by line', () => {
    const jsonl = `${JSON.stringify(good)}\n\nnot json\n${JSON.stringify(example([]))}\n`
    const result = validateJsonl(jsonl, 1000)
    expect(result.examples).toBe(3)
    expect(result.errors).toHaveLength(2)
    expect(result.errors[0]).toMatch(/^line 3: not JSON/)
    expect(result.errors[1]).toMatch(/^line 4: invalid/)
  })
})
