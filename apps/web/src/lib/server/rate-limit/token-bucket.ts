/**
 * Token bucket: a user may send `burst` requests at once, then one more every 60/perMinute seconds.
 * Buckets start full, so a new user is never limited on their first requests.
 */
export type BucketSettings = { perMinute: number; burst: number }

export type RateLimitDecision = {
  allowed: boolean
  /** Whole requests left right now. */
  remaining: number
  /** Seconds until the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number
}

export interface RateLimiter {
  take(key: string): Promise<RateLimitDecision>
}

type Bucket = { tokens: number; updatedAt: number }

export const refillPerMs = (settings: BucketSettings) => settings.perMinute / 60_000

/** One step of the bucket: the same arithmetic the Redis Lua script does, kept here for the in-memory limiter. */
export function takeToken(
  bucket: Bucket | undefined,
  now: number,
  settings: BucketSettings,
): { bucket: Bucket; decision: RateLimitDecision } {
  const rate = refillPerMs(settings)
  const elapsed = bucket ? Math.max(0, now - bucket.updatedAt) : 0
  let tokens = Math.min(settings.burst, (bucket?.tokens ?? settings.burst) + elapsed * rate)
  const allowed = tokens >= 1
  if (allowed) tokens -= 1
  return {
    bucket: { tokens, updatedAt: now },
    decision: {
      allowed,
      remaining: Math.floor(tokens),
      retryAfterSeconds: allowed ? 0 : Math.ceil((1 - tokens) / rate / 1000),
    },
  }
}

/**
 * Per-process buckets: correct for one web replica (the embedded default). Several replicas need the
 * Redis limiter, or each replica would grant the full rate.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly settings: BucketSettings,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<RateLimitDecision> {
    const now = this.now()
    const { bucket, decision } = takeToken(this.buckets.get(key), now, this.settings)
    this.buckets.set(key, bucket)
    // Full buckets carry no information; dropping them bounds memory by the number of active users.
    if (this.buckets.size > 10_000) this.sweep(now)
    return decision
  }

  private sweep(now: number): void {
    const rate = refillPerMs(this.settings)
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.updatedAt) * rate >= this.settings.burst) this.buckets.delete(key)
    }
  }
}
