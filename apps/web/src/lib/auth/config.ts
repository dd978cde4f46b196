import 'server-only'
import { createHash } from 'node:crypto'
import { createLogger } from '@policydesk/runtime'
import { webEnv } from '../env'

export type AuthMode = 'dev' | 'oidc'

export type AuthConfig = {
  mode: AuthMode
  /** Why nobody can sign in right now (shown on /sign-in), or null when sign-in works. */
  problem: string | null
  secret: string
  secureCookies: boolean
  ttlSeconds: number
}

const log = createLogger('web:auth')

/**
 * A fixed, public secret for dev sign-in only: sessions survive restarts without configuration. Anyone
 * can forge these cookies, which is acceptable exactly where anyone may sign in as anyone anyway.
 */
const DEV_SECRET = createHash('sha256')
  .update('policydesk dev-mode session secret, not for production')
  .digest('hex')

let cached: AuthConfig | undefined

export function authConfig(): AuthConfig {
  if (cached) return cached
  const env = webEnv()
  const mode: AuthMode = env.AUTH_MODE ?? (env.NODE_ENV === 'production' ? 'oidc' : 'dev')
  const problems: string[] = []
  if (mode === 'dev' && env.NODE_ENV === 'production' && !env.AUTH_DEV_ALLOW_IN_PRODUCTION) {
    problems.push(
      'AUTH_MODE=dev is disabled when NODE_ENV=production. Configure AUTH_MODE=oidc, or set AUTH_DEV_ALLOW_IN_PRODUCTION=true for a local demo.',
    )
  }
  if (mode === 'oidc') {
    const missing = (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'APP_URL', 'AUTH_SECRET'] as const).filter(
      (k) => !env[k],
    )
    if (missing.length > 0) problems.push(`OIDC sign-in is not configured: set ${missing.join(', ')}.`)
  }
  let secret = env.AUTH_SECRET
  if (!secret) {
    if (mode === 'dev')
      log.warn('AUTH_SECRET is not set: using the fixed dev-mode secret (fine for a demo only)')
    secret = DEV_SECRET
  }
  cached = {
    mode,
    problem: problems.length > 0 ? problems.join(' ') : null,
    secret,
    secureCookies: env.APP_URL?.startsWith('https://') ?? false,
    ttlSeconds: env.AUTH_SESSION_HOURS * 3600,
  }
  return cached
}
