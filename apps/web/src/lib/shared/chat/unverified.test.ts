import { describe, expect, it } from 'vitest'
import { unverifiedSentences } from '@/lib/shared/chat/unverified'

describe('unverifiedSentences', () => {
  it('keeps the claims the validator could not support, spacing normalised', () => {
    const flagged = unverifiedSentences([
      { text: 'Claims are  paid monthly.', claim: true, supported: false },
      { text: 'Hello.', claim: false, supported: false },
      { text: 'Supported one.', claim: true, supported: true },
    ])
    expect([...flagged]).toEqual(['Claims are paid monthly.'])
    expect(unverifiedSentences(undefined).size).toBe(0)
  })
})
