import { redactUrl } from '@policydesk/runtime'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import * as schema from './schema'

export type Database = NodePgDatabase<typeof schema>
/** A transaction handle; query functions accept either, so callers choose the transaction boundary. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
export type DbOrTx = Database | Tx

export type DbHandle = { db: Database; pool: pg.Pool; close: () => Promise<void> }

export function createDb(url: string, options: { poolSize?: number } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 5,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
    // pgvector ≥ 0.8: an HNSW scan filtered by the ACL keeps fetching until enough rows pass, instead of
    // returning the few of its first ef_search candidates a restrictive reader may see (recall@10 at 100k
    // chunks, reader of 5% of documents: 0.18 → 0.98; docs/benchmarks.md). Re-ranking by score follows, so
    // relaxed order is safe. The hook runs before the pool hands the client out (a 'connect' listener
    // would race the caller's first query); an older pgvector without the setting keeps working.
    onConnect: async (client) => {
      await client.query('set hnsw.iterative_scan = relaxed_order').catch(() => {})
    },
  })
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = drizzle(pool, { schema, casing: 'snake_case' })
  return {
    db,
    pool,
    close: async () => {
      await pool.end()
    },
  }
}

/** Fails fast with a message that names the target, instead of a stack trace from deep inside pg. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Cannot reach the database at ${redactUrl(url)}: ${reason || 'connection failed'}`)
  } finally {
    await client.end().catch(() => {})
  }
}

export { redactUrl }
