import { devSignInDatabaseProblem, sessionSecretProblem } from '@policydesk/runtime'
import type { WebEnv } from '@/lib/server/env'

export type AuthMode = 'dev' | 'oidc'

type StartupEnv = Pick<
  WebEnv,
  'AUTH_MODE' | 'NODE_ENV' | 'AUTH_SECRET' | 'DATABASE_URL' | 'ALLOW_DEV_AUTH_WITH_REMOTE_DB'
>

/** Dev sign-in outside production, OIDC in it, unless AUTH_MODE says otherwise. */
export const resolveAuthMode = (env: Pick<WebEnv, 'AUTH_MODE' | 'NODE_ENV'>): AuthMode =>
  env.AUTH_MODE ?? (env.NODE_ENV === 'production' ? 'oidc' : 'dev')

/**
 * Configurations the server must not run with at all (instrumentation.ts stops startup on any): a session
 * secret that is a published placeholder or too short to sign with, or password-less dev sign-in in
 * front of a database on another machine. The same rules guard `policydesk start` (@policydesk/runtime).
 */
export function startupProblems(env: StartupEnv): string[] {
  const problems: string[] = []
  if (env.AUTH_SECRET !== undefined) {
    const secret = sessionSecretProblem(env.AUTH_SECRET)
    if (secret) problems.push(secret)
  }
  if (resolveAuthMode(env) === 'dev') {
    const database = devSignInDatabaseProblem({
      databaseUrl: env.DATABASE_URL,
      allowRemote: env.ALLOW_DEV_AUTH_WITH_REMOTE_DB,
    })
    if (database) problems.push(database)
  }
  return problems
}
