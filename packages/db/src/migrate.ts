import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sleep } from '@policydesk/runtime'
import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import type { Database } from './client'
import { readDbEnv } from './env'

/**
 * The committed migrations: next to this package's source, or POLICYDESK_MIGRATIONS_DIR where code runs
 * bundled away from it (the Next standalone server; the compiled CLI and worker copy them beside their
 * bundle, which the default already finds).
 */
export const migrationsFolder = (): string =>
  readDbEnv().POLICYDESK_MIGRATIONS_DIR ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

const LOCK_STALE_AFTER = '10 minutes'

/**
 * Applies committed migrations; safe to run again, and safe to run from several processes at once (web
 * replicas, a migrate Job, a CLI): drizzle's migrator is not, so runs are serialised by a lock row. A row
 * rather than an advisory lock because every client of the embedded database shares one session, where
 * advisory locks would not exclude anyone.
 */
export async function runMigrations(db: Database): Promise<void> {
  const holder = randomUUID()
  await createLockTable(db)
  for (let attempt = 0; ; attempt++) {
    const acquired = await db.execute(sql`
      insert into policydesk_locks (name, holder) values ('migrate', ${holder})
      on conflict (name) do update set holder = excluded.holder, acquired_at = now()
        where policydesk_locks.acquired_at < now() - ${LOCK_STALE_AFTER}::interval
      returning holder`)
    if (acquired.rows.length === 1) break
    if (attempt > 3000) throw new Error('Timed out waiting for another process to finish migrating')
    await sleep(100)
  }
  try {
    await migrate(db, { migrationsFolder: migrationsFolder() })
  } finally {
    await db.execute(sql`delete from policydesk_locks where name = 'migrate' and holder = ${holder}`)
  }
}

async function createLockTable(db: Database): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.execute(sql`create table if not exists policydesk_locks (
        name text primary key, holder text not null, acquired_at timestamptz not null default now())`)
      return
    } catch (error) {
      // Two processes creating it at the same instant: one loses with a duplicate; the table now exists.
      if (attempt > 2) throw error
    }
  }
}

export type MigrationStatus = { applied: number; expected: number; current: boolean }

/**
 * Whether every committed migration has been applied: readiness fails on a database an upgrade has not
 * migrated yet (the migrate Job runs first). Compares drizzle's bookkeeping table with the journal.
 */
export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const expected = readMigrationFiles({ migrationsFolder: migrationsFolder() })
  const result = await db
    .execute(sql`select hash, created_at from drizzle.__drizzle_migrations`)
    .catch(() => ({ rows: [] }))
  const applied = new Set((result.rows as { hash: string }[]).map((r) => r.hash))
  return {
    applied: applied.size,
    expected: expected.length,
    current: expected.every((m) => applied.has(m.hash)),
  }
}
