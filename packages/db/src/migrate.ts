import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sleep } from '@policydesk/runtime'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import type { Database } from './client'

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

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
    await migrate(db, { migrationsFolder })
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
