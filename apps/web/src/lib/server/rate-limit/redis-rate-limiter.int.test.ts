import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisRateLimiter } from '@/lib/server/rate-limit/redis-rate-limiter'

let server: TestRedis
let redis: Redis

beforeAll(async () => {
  server = await startTestRedis()
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 })
})

afterAll(async () => {
  redis.disconnect()
  await server.stop()
})

describe('RedisRateLimiter (real redis-server)', () => {
  it('allows the burst, then refuses with a Retry-After', async () => {
    const limiter = new RedisRateLimiter(redis, { perMinute: 20, burst: 3 }, 'test:burst:')
    const decisions = []
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take('user-1'))
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false])
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0])
    expect(decisions[3]?.retryAfterSeconds).toBe(3)
    expect((await limiter.take('user-2')).allowed).toBe(true)
  })

  it('is atomic under concurrent requests: exactly `burst` of 50 parallel takes pass', async () => {
    const limiter = new RedisRateLimiter(redis, { perMinute: 1, burst: 5 }, 'test:race:')
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.take('user')))
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5)
  })

  it('refills over time (Redis clock) and expires idle buckets', async () => {
    const limiter = new RedisRateLimiter(redis, { perMinute: 600, burst: 1 }, 'test:refill:')
    expect((await limiter.take('u')).allowed).toBe(true)
    expect((await limiter.take('u')).allowed).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect((await limiter.take('u')).allowed).toBe(true)
    const ttl = await redis.pttl('test:refill:u')
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(1_100)
  })
})
