import type { BucketSettings, RateLimitDecision } from '@/lib/server/rate-limit/token-bucket'

/**
 * Every rate limit of the web app, by name: what it protects, whose bucket a request takes from, and the
 * environment variables that size it (`<PREFIX>_RATE_LIMIT_PER_MINUTE`, `<PREFIX>_RATE_LIMIT_BURST`,
 * validated in lib/env.ts with the defaults listed in docs/security.md).
 */
export const RATE_LIMITS = {
  chat: { envPrefix: 'CHAT', per: 'user', doing: 'sending questions' },
  playground: { envPrefix: 'PLAYGROUND', per: 'user', doing: 'running playground queries' },
  'review-export': { envPrefix: 'REVIEW_EXPORT', per: 'user', doing: 'exporting the answers log' },
  'dataset-export': { envPrefix: 'DATASET_EXPORT', per: 'user', doing: 'exporting datasets' },
  'sign-in': { envPrefix: 'SIGN_IN', per: 'client address', doing: 'signing in' },
  handoff: { envPrefix: 'HANDOFF', per: 'user', doing: 'asking people' },
} as const satisfies Record<string, { envPrefix: string; per: 'user' | 'client address'; doing: string }>

export type RateLimitName = keyof typeof RATE_LIMITS

type Prefix = (typeof RATE_LIMITS)[RateLimitName]['envPrefix']
export type RateLimitEnv = {
  [P in Prefix as `${P}_RATE_LIMIT_PER_MINUTE`]: number
} & { [P in Prefix as `${P}_RATE_LIMIT_BURST`]: number }

export function limitSettings(name: RateLimitName, env: RateLimitEnv): BucketSettings {
  const prefix = RATE_LIMITS[name].envPrefix
  return { perMinute: env[`${prefix}_RATE_LIMIT_PER_MINUTE`], burst: env[`${prefix}_RATE_LIMIT_BURST`] }
}

/** The 429 every limit answers with: a sentence, the wait in seconds, and Retry-After. */
export function tooManyRequests(name: RateLimitName, decision: RateLimitDecision): Response {
  const wait = Math.max(1, decision.retryAfterSeconds)
  return Response.json(
    {
      error: `You are ${RATE_LIMITS[name].doing} too quickly; try again in ${wait} s.`,
      retryAfterSeconds: wait,
    },
    { status: 429, headers: { 'Retry-After': String(wait) } },
  )
}
