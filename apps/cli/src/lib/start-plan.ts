import {
  devSignInDatabaseProblem,
  devSignInExposureWarning,
  isLoopbackHost,
  isWildcardHost,
  sessionSecretProblem,
  UserFacingError,
} from '@policydesk/runtime'
import type { CliEnv } from '../env'

export type StartPlan = {
  authMode: 'dev' | 'oidc'
  /** Address the web app binds; undefined = Next.js' default, every interface. */
  host: string | undefined
  /** Printed on every start while dev sign-in is reachable from other machines. */
  exposureWarning: string | null
  /** The URL to print. */
  url: string
}

type StartEnv = Pick<
  CliEnv,
  'PORT' | 'HOST' | 'AUTH_MODE' | 'AUTH_SECRET' | 'DATABASE_URL' | 'ALLOW_DEV_AUTH_WITH_REMOTE_DB'
>

/**
 * What `policydesk start` will run, decided before anything starts. Dev sign-in (the default here) has no
 * password, so it binds 127.0.0.1 unless HOST says otherwise, and refuses a remote database unless
 * ALLOW_DEV_AUTH_WITH_REMOTE_DB says that is intended. A bad AUTH_SECRET stops it in any mode.
 */
export function planStart(env: StartEnv): StartPlan {
  if (env.AUTH_SECRET !== undefined) {
    const problem = sessionSecretProblem(env.AUTH_SECRET)
    if (problem) throw new UserFacingError(problem)
  }
  const authMode = env.AUTH_MODE ?? 'dev'
  if (authMode === 'dev') {
    const problem = devSignInDatabaseProblem({
      databaseUrl: env.DATABASE_URL,
      allowRemote: env.ALLOW_DEV_AUTH_WITH_REMOTE_DB,
    })
    if (problem) throw new UserFacingError(problem)
  }
  const host = env.HOST ?? (authMode === 'dev' ? '127.0.0.1' : undefined)
  const local = host === undefined || isWildcardHost(host) || isLoopbackHost(host)
  const urlHost = local ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return {
    authMode,
    host,
    exposureWarning: authMode === 'dev' ? devSignInExposureWarning(host) : null,
    url: `http://${urlHost}:${env.PORT}`,
  }
}

/** `next start` (or `next dev`) arguments for the plan. */
export function nextArgs(plan: StartPlan, options: { dev: boolean; port: number }): string[] {
  return [options.dev ? 'dev' : 'start', '-p', String(options.port), ...(plan.host ? ['-H', plan.host] : [])]
}
