import { describe, expect, it } from 'vitest'
import { answerCacheKey, normalizeQuestion } from './answer-cache'

const base = {
  query: 'How much does parking cost?',
  groupIds: ['g-everyone', 'g-hr'],
  revision: 7,
  promptVersion: 'answer-v2',
  model: 'builtin-extractive-v1',
  filters: undefined as unknown,
  profile: undefined as unknown,
}
const key = (changes: Partial<typeof base> = {}) => answerCacheKey({ ...base, ...changes })

describe('normalizeQuestion', () => {
  it('folds case, accents, whitespace and punctuation', () => {
    expect(normalizeQuestion('  How MUCH does   parking cost?? ')).toBe('how much does parking cost')
    expect(normalizeQuestion('Café—policy: “remote”\twork!')).toBe('cafe policy remote work')
  })

  it('keeps numbers apart', () => {
    expect(normalizeQuestion('Is 1.5 days allowed?')).not.toBe(normalizeQuestion('Is 15 days allowed?'))
  })
})

describe('answerCacheKey', () => {
  it('is a stable hex digest', () => {
    expect(key()).toMatch(/^[0-9a-f]{64}$/)
    expect(key()).toBe(key())
  })

  it('is the same under whitespace, case and punctuation changes of the question', () => {
    expect(key({ query: '  how MUCH does parking   cost ' })).toBe(key())
    expect(key({ query: 'How much does parking cost!?' })).toBe(key())
  })

  it('does not depend on the order of the group ids', () => {
    expect(key({ groupIds: ['g-hr', 'g-everyone'] })).toBe(key())
  })

  it.each([
    ['another question', { query: 'How much does parking cost per month?' }],
    ['fewer groups', { groupIds: ['g-everyone'] }],
    ['other groups', { groupIds: ['g-everyone', 'g-finance'] }],
    ['no groups', { groupIds: [] }],
    ['another corpus revision', { revision: 8 }],
    ['another prompt version', { promptVersion: 'answer-v3' }],
    ['another model', { model: 'gpt-4o-mini' }],
    ['filters', { filters: { tags: ['facilities'] } }],
    ["the asker's profile", { profile: { country: 'PT' } }],
  ])('changes with %s', (_, changes) => {
    expect(key(changes)).not.toBe(key())
  })

  it('groups are not confused with one joined id', () => {
    expect(key({ groupIds: ['a', 'b'] })).not.toBe(key({ groupIds: ['a,b'] }))
  })
})
