import 'server-only'
import { createLogger } from '@policydesk/runtime'
import { Redis } from 'ioredis'
import { webEnv } from '../env'
import { RedisRateLimiter } from './redis-rate-limiter'
import { MemoryRateLimiter, type RateLimitDecision, type RateLimiter } from './token-bucket'

const log = createLogger('web:rate-limit')

/**
 * Redis when REDIS_URL is set (shared by every web replica), in-memory otherwise. If Redis fails, this
 * falls back to the in-memory bucket for that request rather than refusing chat: a Redis outage should
 * cost strictness, not availability.
 */
class ResilientRateLimiter implements RateLimiter {
  constructor(
    private readonly primary: RateLimiter,
    private readonly fallback: RateLimiter,
  ) {}

  async take(key: string): Promise<RateLimitDecision> {
    try {
      return await this.primary.take(key)
    } catch (error) {
      log.warn('Redis rate limiter failed; using the in-process bucket', { error: String(error) })
      return this.fallback.take(key)
    }
  }
}

const globalForLimiter = globalThis as unknown as { policydeskChatLimiter?: RateLimiter }

export function chatRateLimiter(): RateLimiter {
  if (!globalForLimiter.policydeskChatLimiter) {
    const env = webEnv()
    const settings = { perMinute: env.CHAT_RATE_LIMIT_PER_MINUTE, burst: env.CHAT_RATE_LIMIT_BURST }
    const memory = new MemoryRateLimiter(settings)
    if (env.REDIS_URL) {
      const redis = new Redis(env.REDIS_URL, {
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
      })
      redis.on('error', () => {})
      globalForLimiter.policydeskChatLimiter = new ResilientRateLimiter(
        new RedisRateLimiter(redis, settings, 'policydesk:ratelimit:chat:'),
        memory,
      )
    } else {
      globalForLimiter.policydeskChatLimiter = memory
    }
  }
  return globalForLimiter.policydeskChatLimiter
}
