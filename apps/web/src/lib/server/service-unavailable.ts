import 'server-only'
import { isDatabaseUnavailable } from '@policydesk/db'

/** What a user reads while the database is down or restarting (the launcher restarts it by itself). */
export const DATABASE_UNAVAILABLE =
  'The database is not available right now (it may be restarting). Try again in a few seconds.'

/** 503 with Retry-After: clients and proxies know to come back instead of treating it as a bug. */
export const databaseUnavailableResponse = () =>
  Response.json(
    { error: DATABASE_UNAVAILABLE, reason: 'database-unavailable' },
    { status: 503, headers: { 'Retry-After': '5' } },
  )

/** Runs `work`; a database outage becomes a clear 503 response, any other error is rethrown. */
export async function orDatabaseUnavailable<T>(work: () => Promise<T>): Promise<T | Response> {
  try {
    return await work()
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse()
    throw error
  }
}
