import 'server-only'
import { createDb, type Database } from '@policydesk/db'
import { webEnv } from './env'

// One pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { policydeskDb?: Database }

/** The web app never starts the embedded database: the launcher (`npm start`) passes DATABASE_URL. */
export function getDb(): Database {
  if (!globalForDb.policydeskDb) {
    const url = webEnv().DATABASE_URL
    if (!url)
      throw new Error('DATABASE_URL is not set: start Policy Desk with `npm start`, or set DATABASE_URL')
    globalForDb.policydeskDb = createDb(url).db
  }
  return globalForDb.policydeskDb
}
