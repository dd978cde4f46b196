import { describe, expect, it } from 'vitest'
import {
  limitSettings,
  RATE_LIMITS,
  type RateLimitEnv,
  tooManyRequests,
} from '@/lib/server/rate-limit/named-limits'

const env: RateLimitEnv = {
  CHAT_RATE_LIMIT_PER_MINUTE: 20,
  CHAT_RATE_LIMIT_BURST: 5,
  PLAYGROUND_RATE_LIMIT_PER_MINUTE: 30,
  PLAYGROUND_RATE_LIMIT_BURST: 10,
  REVIEW_EXPORT_RATE_LIMIT_PER_MINUTE: 6,
  REVIEW_EXPORT_RATE_LIMIT_BURST: 3,
  DATASET_EXPORT_RATE_LIMIT_PER_MINUTE: 2,
  DATASET_EXPORT_RATE_LIMIT_BURST: 1,
  SIGN_IN_RATE_LIMIT_PER_MINUTE: 10,
  SIGN_IN_RATE_LIMIT_BURST: 7,
  HANDOFF_RATE_LIMIT_PER_MINUTE: 5,
  HANDOFF_RATE_LIMIT_BURST: 5,
}

describe('named rate limits', () => {
  it('size each limit from its own variables', () => {
    expect(limitSettings('chat', env)).toEqual({ perMinute: 20, burst: 5 })
    expect(limitSettings('dataset-export', env)).toEqual({ perMinute: 2, burst: 1 })
    expect(limitSettings('sign-in', env)).toEqual({ perMinute: 10, burst: 7 })
  })

  it('cover chat, the playground, both exports and sign-in', () => {
    expect(Object.keys(RATE_LIMITS).sort()).toEqual([
      'chat',
      'dataset-export',
      'handoff',
      'playground',
      'review-export',
      'sign-in',
    ])
  })

  it('answer 429 with Retry-After and a sentence', async () => {
    const response = tooManyRequests('review-export', { allowed: false, remaining: 0, retryAfterSeconds: 17 })
    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toBe('17')
    expect(await response.json()).toEqual({
      error: 'You are exporting the answers log too quickly; try again in 17 s.',
      retryAfterSeconds: 17,
    })
    // Never "try again in 0 s".
    expect(
      tooManyRequests('chat', { allowed: false, remaining: 0, retryAfterSeconds: 0 }).headers.get(
        'Retry-After',
      ),
    ).toBe('1')
  })
})
