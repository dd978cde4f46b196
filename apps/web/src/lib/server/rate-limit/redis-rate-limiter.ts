import type { Redis } from 'ioredis'
import {
  type BucketSettings,
  type RateLimitDecision,
  type RateLimiter,
  refillPerMs,
} from '@/lib/server/rate-limit/token-bucket'

/**
 * The bucket read, refill, take and write happen in one script, so concurrent requests of one user on
 * several web replicas cannot both take the last token. Redis' own clock (TIME) is used, so replicas with
 * skewed clocks agree. Keys expire once the bucket would be full again.
 */
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
local retry = 0
if allowed == 0 then retry = math.ceil((1 - tokens) / rate / 1000) end
return { allowed, math.floor(tokens), retry }
`

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly settings: BucketSettings,
    private readonly prefix = 'policydesk:ratelimit:',
  ) {}

  async take(key: string): Promise<RateLimitDecision> {
    const reply = await this.redis.eval(
      TAKE_TOKEN,
      1,
      `${this.prefix}${key}`,
      String(this.settings.burst),
      String(refillPerMs(this.settings)),
    )
    if (!Array.isArray(reply) || reply.length !== 3) throw new Error('Unexpected rate-limit script reply')
    const [allowed, remaining, retry] = reply.map(Number)
    return {
      allowed: allowed === 1,
      remaining: remaining ?? 0,
      retryAfterSeconds: retry ?? 0,
    }
  }
}
