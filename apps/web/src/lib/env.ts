import 'server-only'
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

  /** `dev`: pick a seeded user on /sign-in, no password. Default: dev outside production, oidc in it. */
  AUTH_MODE: z.enum(['dev', 'oidc']).optional(),
  /** Signs and encrypts the session cookie (iron-session needs ≥ 32 characters). */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** `next start` always runs with NODE_ENV=production, so the local demo (compose, `policydesk start`) opts in. */
  AUTH_DEV_ALLOW_IN_PRODUCTION: flag,
  AUTH_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),

  /** The public base URL (OIDC redirect URI = APP_URL + /api/auth/callback; https here → Secure cookies). */
  APP_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid email profile'),
  /** The ID-token/userinfo claim listing the user's groups (Keycloak, Okta, Entra: often "groups" or "roles"). */
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /** Claim values (comma-separated) that make a user admin / analyst; every other value is a document group. */
  OIDC_ADMIN_GROUPS: z.string().default('policydesk-admins'),
  OIDC_ANALYST_GROUPS: z.string().default('policydesk-analysts'),
  /** Loopback test issuers speak plain http; never set this against a real identity provider. */
  OIDC_ALLOW_INSECURE_HTTP: flag,

  CHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(20),
  CHAT_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(5),
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
