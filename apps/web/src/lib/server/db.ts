import 'server-only'
import { createDb, type Database, type DbHandle } from '@policydesk/db'
import { traceQueries } from '@policydesk/observability'
import { webEnv } from '@/lib/server/env'

// One pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { policydeskDb?: DbHandle }

function handle(): DbHandle {
  if (!globalForDb.policydeskDb) {
    const url = webEnv().DATABASE_URL
    if (!url)
      throw new Error('DATABASE_URL is not set: start Policy Desk with `npm start`, or set DATABASE_URL')
    globalForDb.policydeskDb = createDb(url)
    // A span per SQL statement under the request's span (a no-op unless tracing is on).
    traceQueries(globalForDb.policydeskDb.pool)
  }
  return globalForDb.policydeskDb
}

/** The web app never starts the embedded database: the launcher (`npm start`) passes DATABASE_URL. */
export function getDb(): Database {
  return handle().db
}

/** The pool behind getDb(), for the pool-use metric. */
export const getDbPool = () => handle().pool
