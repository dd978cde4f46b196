import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMigrations } from './migrate'
import { ensureEmbeddingIndex } from './queries/embedding-index'
import { readableGroupIds } from './queries/groups'
import { getUserByEmail } from './queries/users'
import { demoUsers, seedDemoUsers } from './seed/demo-users'
import { startTestDatabase, type TestDatabase } from './testing'

let t: TestDatabase

beforeAll(async () => {
  t = await startTestDatabase()
})
afterAll(async () => {
  await t?.stop()
})

describe('embedded database', () => {
  it('has pgvector and runs migrations idempotently', async () => {
    await runMigrations(t.db)
    const { rows } = await t.pool.query<{ d: string }>(
      `select ('[1,0]'::vector <=> '[0,1]'::vector)::text as d`,
    )
    expect(Number(rows[0]?.d)).toBeCloseTo(1)
  })

  it('seeds demo users twice without duplicates, hr user reads the hr group', async () => {
    await seedDemoUsers(t.db)
    await seedDemoUsers(t.db)
    const { rows } = await t.pool.query<{ n: string }>('select count(*)::text as n from users')
    // employee (Lisbon), hr and analyst (Berlin), admin (Austin), and a Berlin employee to compare answers
    expect(rows[0]?.n).toBe(String(demoUsers.length))
    expect(demoUsers.map((u) => u.email).sort()).toEqual([
      'admin@example.com',
      'analyst@example.com',
      'berlin@example.com',
      'employee@example.com',
      'hr@example.com',
    ])
    const hr = await getUserByEmail(t.db, 'hr@example.com')
    const employee = await getUserByEmail(t.db, 'employee@example.com')
    if (!hr || !employee) throw new Error('demo users missing')
    expect(await readableGroupIds(t.db, hr.id)).toHaveLength(2)
    expect(await readableGroupIds(t.db, employee.id)).toHaveLength(1)
  })

  it('creates a partial HNSW index per embedding model and the planner uses it', async () => {
    await ensureEmbeddingIndex(t.db, 'builtin-hash-384', 384)
    await ensureEmbeddingIndex(t.db, 'builtin-hash-384', 384)
    const { rows } = await t.pool.query<{ indexname: string }>(
      `select indexname from pg_indexes where tablename = 'chunk_embeddings' and indexname like '%hnsw%'`,
    )
    expect(rows.map((r) => r.indexname)).toEqual(['chunk_embeddings_hnsw_builtin_hash_384_384'])
    const query = `[${Array.from({ length: 384 }, () => 0.1).join(',')}]`
    // An empty table makes any scan cheap; forbid the alternatives to see that the index is usable.
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`)
      await tx.execute(sql`set local enable_bitmapscan = off`)
      return tx.execute(
        sql`explain select chunk_id from chunk_embeddings where model = 'builtin-hash-384'
          order by embedding::vector(384) <=> ${query}::vector(384) limit 5`,
      )
    })
    expect(JSON.stringify(plan.rows)).toContain('Index Scan using chunk_embeddings_hnsw_builtin_hash_384_384')
  })

  it('turns on iterative HNSW scans for every pooled connection', async () => {
    const { rows } = await t.pool.query<{ v: string }>(`select current_setting('hnsw.iterative_scan') as v`)
    expect(rows[0]?.v).toBe('relaxed_order')
  })
})
