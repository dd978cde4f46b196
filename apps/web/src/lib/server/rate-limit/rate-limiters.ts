import { rateLimitRejections } from '@policydesk/observability'
import 'server-only'
import { createLogger } from '@policydesk/runtime'
import { Redis } from 'ioredis'
import { webEnv } from '@/lib/server/env'
import { limitSettings, type RateLimitName, tooManyRequests } from '@/lib/server/rate-limit/named-limits'
import { RedisRateLimiter } from '@/lib/server/rate-limit/redis-rate-limiter'
import {
  MemoryRateLimiter,
  type RateLimitDecision,
  type RateLimiter,
} from '@/lib/server/rate-limit/token-bucket'
import { clientAddress } from '@/lib/server/request/client-address'

const log = createLogger('web:rate-limit')

/**
 * Redis when REDIS_URL is set (shared by every web replica), in-memory otherwise. If Redis fails, this
 * falls back to the in-memory bucket for that request rather than refusing: a Redis outage should cost
 * strictness, not availability.
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

// One set per process, kept across hot reloads in dev; the Redis connection is shared by every limit.
const globalForLimiters = globalThis as unknown as {
  policydeskLimiters?: Map<RateLimitName, RateLimiter>
  policydeskLimiterRedis?: Redis
}

function limiterFor(name: RateLimitName): RateLimiter {
  globalForLimiters.policydeskLimiters ??= new Map()
  const existing = globalForLimiters.policydeskLimiters.get(name)
  if (existing) return existing
  const env = webEnv()
  const settings = limitSettings(name, env)
  const memory = new MemoryRateLimiter(settings)
  let limiter: RateLimiter = memory
  if (env.REDIS_URL) {
    globalForLimiters.policydeskLimiterRedis ??= new Redis(env.REDIS_URL, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    }).on('error', () => {})
    const redis = new RedisRateLimiter(
      globalForLimiters.policydeskLimiterRedis,
      settings,
      `policydesk:ratelimit:${name}:`,
    )
    limiter = new ResilientRateLimiter(redis, memory)
  }
  globalForLimiters.policydeskLimiters.set(name, limiter)
  return limiter
}

export type RateLimitOutcome = { ok: true; remaining: number } | { ok: false; response: Response }

/** Takes one token from `key`'s bucket of the named limit: ok, or the 429 to return as is. */
export async function takeRateLimit(name: RateLimitName, key: string): Promise<RateLimitOutcome> {
  const decision = await limiterFor(name).take(key)
  if (decision.allowed) return { ok: true, remaining: decision.remaining }
  rateLimitRejections().inc({ limiter: name })
  return { ok: false, response: tooManyRequests(name, decision) }
}

/** For limits per client address (sign-in, before anyone is signed in). */
export function takeClientRateLimit(name: RateLimitName, request: Request): Promise<RateLimitOutcome> {
  return takeRateLimit(name, clientAddress(request.headers, webEnv().TRUSTED_PROXY_HOPS))
}
