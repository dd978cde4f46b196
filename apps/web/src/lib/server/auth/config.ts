import 'server-only'
import { randomBytes } from 'node:crypto'
import { dataDir, devSignInExposureWarning, readOrCreateSessionSecret } from '@policydesk/runtime'
import { type AuthMode, resolveAuthMode, startupProblems } from '@/lib/server/auth/startup-checks'
import { webEnv } from '@/lib/server/env'

export type { AuthMode } from '@/lib/server/auth/startup-checks'

export type AuthConfig = {
  mode: AuthMode
  /** Why nobody can sign in right now (shown on /sign-in), or null when sign-in works. */
  problem: string | null
  /** Dev sign-in reachable beyond this machine: shown on /sign-in (and logged by `policydesk start`). */
  exposureWarning: string | null
  secret: string
  secureCookies: boolean
  ttlSeconds: number
}

let cached: AuthConfig | undefined

export function authConfig(): AuthConfig {
  if (cached) return cached
  const env = webEnv()
  const mode = resolveAuthMode(env)
  // Normally instrumentation.ts has already stopped the server for these; repeated so sign-in stays shut
  // wherever that hook did not run.
  const problems = startupProblems(env)
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
  cached = {
    mode,
    problem: problems.length > 0 ? problems.join(' ') : null,
    exposureWarning: mode === 'dev' ? devSignInExposureWarning(env.HOST) : null,
    secret: sessionSecret(mode, problems.length > 0 ? undefined : env.AUTH_SECRET),
    secureCookies: env.APP_URL?.startsWith('https://') ?? false,
    ttlSeconds: env.AUTH_SESSION_HOURS * 3600,
  }
  return cached
}

/**
 * AUTH_SECRET when configured (and sound). Dev mode without one: the secret generated once for this data
 * dir, so sessions survive restarts and no secret is in the source. OIDC without one cannot sign anyone in
 * (the problem above says so); a throwaway secret keeps cookie reads harmless meanwhile.
 */
function sessionSecret(mode: AuthMode, configured: string | undefined): string {
  if (configured) return configured
  if (mode === 'dev') return readOrCreateSessionSecret(dataDir())
  return randomBytes(32).toString('base64url')
}
