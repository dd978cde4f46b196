import 'server-only'
import { parseClaimMapping } from '@policydesk/db/profiles'
import { z } from 'zod'

/** "true"/"false" flags: z.coerce.boolean() would read the string "false" as true. */
const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1')

const webEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** What `next start -p` / `-H` were given (`policydesk start` passes both); the default APP_URL uses them. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).optional(),

  /** `dev`: pick a seeded user on /sign-in, no password. Default: dev outside production, oidc in it. */
  AUTH_MODE: z.enum(['dev', 'oidc']).optional(),
  /**
   * Signs and encrypts the session cookie. Checked at startup (lib/auth/startup-checks.ts): a placeholder or
   * fewer than 32 bytes stops the server in production; unset in dev mode, a per-data-dir secret is used.
   */
  AUTH_SECRET: z.string().min(1).optional(),
  /** Dev sign-in against a database that is not on this machine: refused unless this says it is intended. */
  ALLOW_DEV_AUTH_WITH_REMOTE_DB: flag,
  /** `next start` always runs with NODE_ENV=production, so the local demo (compose, `policydesk start`) opts in. */
  AUTH_DEV_ALLOW_IN_PRODUCTION: flag,
  AUTH_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),

  /**
   * The public base URL people open. Its origin is the only one allowed to send state-changing requests
   * (lib/request/app-origins.ts); the OIDC redirect URI is APP_URL + /api/auth/callback; https → Secure cookies.
   * Unset: http://localhost:PORT and its loopback aliases (or http://HOST:PORT for a named HOST).
   */
  APP_URL: z
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'must be an http:// or https:// URL')
    .optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid email profile'),
  /** The ID-token/userinfo claim listing the user's groups (Keycloak, Okta, Entra: often "groups" or "roles"). */
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /** Claim values (comma-separated) that make a user admin / analyst; every other value is a document group. */
  OIDC_ADMIN_GROUPS: z.string().default('policydesk-admins'),
  /**
   * Asker profile from claims, ATTRIBUTE=CLAIM pairs ("country=country,location=office,startDate=start_date"),
   * applied on every OIDC sign-in; an invalid claim value is skipped with a log line.
   */
  OIDC_ATTRIBUTE_CLAIMS: z
    .string()
    .default('')
    .superRefine((value, ctx) => {
      try {
        parseClaimMapping(value)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) })
      }
    }),
  OIDC_ANALYST_GROUPS: z.string().default('policydesk-analysts'),
  /** Loopback test issuers speak plain http; never set this against a real identity provider. */
  OIDC_ALLOW_INSECURE_HTTP: flag,
  /**
   * Refuse sign-in unless the provider says the e-mail is verified (`email_verified: true`). Turn off only
   * for providers that never send the claim; linking a pre-existing account always needs it anyway.
   */
  OIDC_REQUIRE_VERIFIED_EMAIL: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),

  /** Request bodies (lib/request): JSON bodies and multipart uploads are counted while they stream in. */
  JSON_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(100_000).default(256),
  UPLOAD_REQUEST_LIMIT_MB: z.coerce.number().positive().max(100_000).default(200),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (the client address is that many from the right). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),

  /** Named rate limits (lib/rate-limit/named-limits.ts): requests per minute and burst, per user or client. */
  CHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(20),
  CHAT_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(5),
  PLAYGROUND_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(30),
  PLAYGROUND_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(10),
  REVIEW_EXPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(6),
  REVIEW_EXPORT_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(3),
  DATASET_EXPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(2),
  DATASET_EXPORT_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(2),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(10),
  SIGN_IN_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(10),
  /** "Ask a person": each handoff reaches a person's inbox, so fewer than questions. */
  HANDOFF_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(5),
  HANDOFF_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(5),
})

export type WebEnv = z.infer<typeof webEnvSchema>

let cached: WebEnv | undefined

export function webEnv(): WebEnv {
  if (!cached) {
    const parsed = webEnvSchema.safeParse(process.env)
    if (!parsed.success) {
      throw new Error(
        `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      )
    }
    cached = parsed.data
  }
  return cached
}

export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
