import { describe, expect, it } from 'vitest'
import { MemoryRateLimiter, takeToken } from '@/lib/server/rate-limit/token-bucket'

const settings = { perMinute: 20, burst: 5 }

describe('takeToken', () => {
  it('starts full: a burst of requests passes, the next one waits for a refill', () => {
    let bucket: Parameters<typeof takeToken>[0]
    const decisions = []
    for (let i = 0; i < 6; i++) {
      const step = takeToken(bucket, 1_000, settings)
      bucket = step.bucket
      decisions.push(step.decision)
    }
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true)
    expect(decisions.map((d) => d.remaining).slice(0, 5)).toEqual([4, 3, 2, 1, 0])
    // 20 per minute = one token every 3 s.
    expect(decisions[5]).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 3 })
  })

  it('refills with time, never beyond the burst size', () => {
    const empty = { tokens: 0, updatedAt: 0 }
    expect(takeToken(empty, 1_500, settings).decision).toMatchObject({ allowed: false, retryAfterSeconds: 2 })
    expect(takeToken(empty, 3_000, settings).decision).toMatchObject({ allowed: true, remaining: 0 })
    expect(takeToken(empty, 3_600_000, settings).decision).toMatchObject({ allowed: true, remaining: 4 })
  })

  it('ignores a clock that goes backwards', () => {
    const step = takeToken({ tokens: 0.5, updatedAt: 10_000 }, 5_000, settings)
    expect(step.decision.allowed).toBe(false)
    expect(step.bucket.tokens).toBe(0.5)
  })
})

describe('MemoryRateLimiter', () => {
  it('keeps one bucket per key', async () => {
    let now = 0
    const limiter = new MemoryRateLimiter({ perMinute: 60, burst: 2 }, () => now)
    expect((await limiter.take('a')).allowed).toBe(true)
    expect((await limiter.take('a')).allowed).toBe(true)
    const refused = await limiter.take('a')
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 })
    expect((await limiter.take('b')).allowed).toBe(true)
    now = 1_000
    expect((await limiter.take('a')).allowed).toBe(true)
  })
})
