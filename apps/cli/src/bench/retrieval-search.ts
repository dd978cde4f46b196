import type { Database, DbOrTx } from '@policydesk/db'
import type { EphemeralDatabase } from '@policydesk/db/embedded'
import { hybridSearch } from '@policydesk/inference'
import { since } from './measure'
import { RETRIEVAL_DIMS } from './retrieval-corpus'

export const BENCH_MODEL = 'bench-synthetic-384'

/** Candidates per side, the product's default (`RETRIEVAL_CANDIDATES`). */
export const CANDIDATES = 40

/**
 * One way of running the real `hybridSearch` statement: SET LOCAL settings inside the search's transaction,
 * on top of what every pooled connection of the product sets (`createDb`: iterative HNSW scans).
 * Scenarios are settings of the real code path, never edits of its SQL text.
 */
export type Scenario = { name: string; set: string[] }

/** Ground truth for recall: the same statement with no index scans (the vector side sorts exactly). */
export const EXACT: Scenario = { name: 'exact (no index scans)', set: ['enable_indexscan = off'] }

/** What the product runs: the connection's settings, nothing added. */
export const PRODUCTION: Scenario = {
  name: 'production (iterative relaxed_order, ef_search 40)',
  set: [],
}

export const SCENARIOS: Scenario[] = [
  EXACT,
  PRODUCTION,
  // The setting before 2026-11-26: a filtered HNSW scan stops after ef_search candidates.
  { name: 'iterative scan off (before)', set: ['hnsw.iterative_scan = off'] },
]

export type SearchQuery = { text: string; vector: Float32Array }

export type SearchOutcome = { ms: number; txMs: number; vectorTop: string[]; vectorRows: number }

type Rendered = { sql: string; params: unknown[] }
type Dialect = { sqlToQuery: (query: unknown) => Rendered }

/** drizzle's SQL renderer of this database handle (not in its public types, but present at run time). */
function dialectOf(db: Database): Dialect {
  const dialect: unknown = Reflect.get(db, 'dialect')
  if (
    typeof dialect === 'object' &&
    dialect !== null &&
    'sqlToQuery' in dialect &&
    typeof dialect.sqlToQuery === 'function'
  ) {
    const render = dialect.sqlToQuery.bind(dialect)
    return {
      sqlToQuery: (query) => {
        const rendered: unknown = render(query)
        if (typeof rendered === 'object' && rendered !== null && 'sql' in rendered && 'params' in rendered) {
          const { sql: text, params } = rendered
          if (typeof text === 'string' && Array.isArray(params)) return { sql: text, params }
        }
        throw new Error('unexpected rendered query')
      },
    }
  }
  throw new Error('cannot find the SQL dialect of the database handle')
}

/**
 * One hybrid search through the real `hybridSearch` (its SQL, fusion and mapping) on one pooled connection,
 * inside a transaction with the scenario's SET LOCALs. The statement hybridSearch builds is rendered and
 * run unchanged (optionally under EXPLAIN ANALYZE first). Returns wall ms and the vector side's ranking.
 */
export async function search(
  database: EphemeralDatabase,
  scenario: Scenario,
  groupIds: string[],
  query: SearchQuery,
  explain?: { format: 'json' | 'text'; onPlan: (plan: unknown) => void },
): Promise<SearchOutcome> {
  const dialect = dialectOf(database.db)
  const client = await database.pool.connect()
  const begun = performance.now()
  try {
    await client.query('begin')
    for (const s of scenario.set) await client.query(`set local ${s}`)
    const execute = async (statement: unknown) => {
      const { sql: text, params } = dialect.sqlToQuery(statement)
      if (explain) {
        const plan = await client.query(`explain (analyze, format ${explain.format}) ${text}`, params)
        explain.onPlan(explain.format === 'json' ? plan.rows[0] : plan.rows)
      }
      return client.query(text, params)
    }
    const shim: Pick<DbOrTx, 'execute'> & { transaction: (fn: (tx: unknown) => unknown) => unknown } = {
      execute: execute as unknown as DbOrTx['execute'],
      transaction: (fn) => fn(shim),
    }
    const t = performance.now()
    const { candidates } = await hybridSearch(shim as unknown as DbOrTx, {
      query: query.text,
      groupIds,
      candidates: CANDIDATES,
      weights: { vector: 1, text: 1 },
      bm25: { k1: 1.2, b: 0.75 },
      vector: Array.from(query.vector),
      model: BENCH_MODEL,
      dimensions: RETRIEVAL_DIMS,
    })
    const ms = since(t)
    await client.query('commit')
    const txMs = since(begun)
    const vectorSide = candidates
      .filter((c) => c.vectorRank !== null)
      .sort((a, b) => (a.vectorRank ?? 0) - (b.vectorRank ?? 0))
    return {
      ms,
      txMs,
      vectorTop: vectorSide.slice(0, 10).map((c) => c.chunkId),
      vectorRows: vectorSide.length,
    }
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/**
 * The reference of issue 17's latency goal: a pure HNSW kNN (no ACL, no text side, no fusion, no row
 * payload) for the same query vector and `CANDIDATES`, with the index's expression and partial predicate so
 * the planner uses it. Not a variant of the product's statement: the floor it is compared against.
 */
export async function pureHnswSearch(database: EphemeralDatabase, query: SearchQuery): Promise<number> {
  const vectorType = `vector(${RETRIEVAL_DIMS})`
  const text = `select e.chunk_id from chunk_embeddings e where e.model = '${BENCH_MODEL}'
    order by e.embedding::${vectorType} <=> $1::${vectorType} limit ${CANDIDATES}`
  const client = await database.pool.connect()
  try {
    const t = performance.now()
    const { rows } = await client.query(text, [`[${Array.from(query.vector).join(',')}]`])
    const ms = since(t)
    if (rows.length !== CANDIDATES) throw new Error(`pure HNSW returned ${rows.length} rows`)
    return ms
  } finally {
    client.release()
  }
}
