import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import type { Database } from './client'

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/** Applies committed migrations; safe to run again (drizzle records what it applied). */
export async function runMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder })
}
