import { describe, expect, it } from 'vitest'
import { feedbackRequestSchema } from './schema'

const traceId = '3f1c2a7e-9b1d-4c55-8f0e-2a4b6c8d0e1f'

describe('feedbackRequestSchema', () => {
  it('accepts a bare rating and one with reason and comment', () => {
    expect(feedbackRequestSchema.parse({ traceId, rating: 'up' })).toEqual({ traceId, rating: 'up' })
    expect(
      feedbackRequestSchema.parse({ traceId, rating: 'down', reason: 'outdated', comment: ' Old rule ' })
        .comment,
    ).toBe('Old rule')
  })

  it('rejects unknown ratings and reasons, and long comments', () => {
    expect(feedbackRequestSchema.safeParse({ traceId, rating: 'meh' }).success).toBe(false)
    expect(feedbackRequestSchema.safeParse({ traceId, rating: 'down', reason: 'boring' }).success).toBe(false)
    expect(
      feedbackRequestSchema.safeParse({ traceId, rating: 'down', comment: 'x'.repeat(2001) }).success,
    ).toBe(false)
  })
})
