import { isIP } from 'node:net'

/**
 * Dev sign-in has no password: it is safe only where nobody but this machine's user can reach the app or
 * its data. These are the rules for "only this machine", shared by `policydesk start` and the web app.
 */

const unbracket = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')

/** A host name or address that only this machine can reach (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = unbracket(host)
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || h.startsWith('::ffff:127.')
  return false
}

/** Listening on one of these means listening on every interface. */
export function isWildcardHost(host: string): boolean {
  return ['0.0.0.0', '::', '*', ''].includes(unbracket(host))
}

/**
 * Whether a Postgres URL points at this machine: a loopback host, or a Unix socket (no host, or a libpq
 * `host=/run/postgresql` parameter). Anything else, including a compose service name, is remote.
 */
export function isLocalDatabaseUrl(url: string): boolean {
  let parsed: URL
  try {
    // `postgres://user@/db` (user, no host: a Unix socket in libpq) is not a WHATWG URL; say so explicitly.
    parsed = new URL(url.replace(/^([a-z]+:\/\/[^/@]*@)\//i, '$1localhost/'))
  } catch {
    return false
  }
  const hostParam = parsed.searchParams.get('host')
  if (hostParam) return hostParam.startsWith('/') || isLoopbackHost(hostParam)
  if (parsed.hostname === '') return true
  return isLoopbackHost(decodeURIComponent(parsed.hostname))
}

/** The variable that lets dev sign-in run against a database on another machine. */
export const ALLOW_REMOTE_DB_VARIABLE = 'ALLOW_DEV_AUTH_WITH_REMOTE_DB'

/** Why dev sign-in must not start against this database, or null when it may. */
export function devSignInDatabaseProblem(input: {
  databaseUrl: string | undefined
  allowRemote: boolean
}): string | null {
  if (!input.databaseUrl || input.allowRemote || isLocalDatabaseUrl(input.databaseUrl)) return null
  return (
    'AUTH_MODE=dev lets anyone who reaches the app sign in as any user without a password, so it refuses ' +
    'to run against a database that is not on this machine (DATABASE_URL). Use AUTH_MODE=oidc, or set ' +
    `${ALLOW_REMOTE_DB_VARIABLE}=1 if this database holds nothing but demo data.`
  )
}

/**
 * The warning for dev sign-in listening beyond this machine (undefined host = every interface, the
 * default of `next start`), or null when it listens on loopback only.
 */
export function devSignInExposureWarning(host: string | undefined): string | null {
  if (host !== undefined && !isWildcardHost(host) && isLoopbackHost(host)) return null
  const where = host === undefined || isWildcardHost(host) ? 'every network interface' : host
  return (
    `Dev sign-in is listening on ${where}: anyone who can reach this address can sign in as any user, ` +
    'admin included, without a password. Unset HOST to listen on 127.0.0.1 only, or use AUTH_MODE=oidc.'
  )
}
