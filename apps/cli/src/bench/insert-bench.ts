import { type DbOrTx, ensureEmbeddingIndex, sql } from '@policydesk/db'
import { type EphemeralDatabase, startEphemeralDatabase } from '@policydesk/db/embedded'
import { insertEmbeddings } from '@policydesk/ingest'
import { loadAverage, type MachineInfo, machineInfo, round, since } from './measure'
import { RETRIEVAL_DIMS, RetrievalCorpus } from './retrieval-corpus'

const MODEL = 'bench-insert-384'

export type InsertPath = 'text' | 'text-unnest' | 'binary'

export const INSERT_PATHS: { path: InsertPath; description: string }[] = [
  { path: 'text', description: "multi-row INSERT, vectors as '[…]' text, 200 rows/statement (before)" },
  { path: 'text-unnest', description: 'INSERT … SELECT unnest($1::text[])::vector, one array parameter' },
  {
    path: 'binary',
    description:
      'multi-row INSERT, vectors as binary bind parameters (vector_recv), 500 rows/statement (after)',
  },
]

export type InsertBenchReport = {
  bench: 'insert'
  rows: number
  dims: number
  /** Rows already indexed before the measured insert, when an HNSW index is present. */
  indexedBaseRows: number
  results: { path: InsertPath; description: string; hnsw: boolean; seconds: number; rowsPerSecond: number }[]
  machine: MachineInfo
}

type Setup = { database: EphemeralDatabase; versionId: string }

async function setup(): Promise<Setup> {
  const database = await startEphemeralDatabase()
  const { rows } = await database.pool.query<{ id: string }>(
    `with d as (insert into documents (slug, title, source_name) values ('bench', 'bench', 'bench.md') returning id)
     insert into document_versions (document_id, version_no, sha256, size_bytes) select id, 1, 'x', 1 from d returning id`,
  )
  const versionId = rows[0]?.id
  if (!versionId) throw new Error('could not create a version')
  return { database, versionId }
}

async function makeChunks(s: Setup, from: number, count: number): Promise<string[]> {
  const { rows } = await s.database.pool.query<{ id: string }>(
    `insert into chunks (version_id, ordinal, text, char_start, char_end, token_count)
     select $1, g, 'bench chunk', 0, 11, 2 from generate_series($2::int, $3::int) g order by g returning id`,
    [s.versionId, from, from + count - 1],
  )
  return rows.map((r) => r.id)
}

/** The insert before this change: drizzle's multi-row VALUES with each vector as text, six decimals. */
async function insertText(tx: DbOrTx, ids: string[], vectors: Float32Array[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 200) {
    const values = ids.slice(i, i + 200).map((id, k) => {
      const text = `[${Array.from(vectors[i + k] ?? [], (v) => Math.round(v * 1e6) / 1e6).join(',')}]`
      return sql`(${id}, ${MODEL}, ${RETRIEVAL_DIMS}, ${text})`
    })
    await tx.execute(
      sql`insert into chunk_embeddings (chunk_id, model, dimensions, embedding) values ${sql.join(values, sql`, `)}`,
    )
  }
}

async function insertTextUnnest(tx: DbOrTx, ids: string[], vectors: Float32Array[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const texts = vectors
      .slice(i, i + 500)
      .map((v) => `[${Array.from(v, (x) => Math.round(x * 1e6) / 1e6).join(',')}]`)
    await tx.execute(
      sql`insert into chunk_embeddings (chunk_id, model, dimensions, embedding)
          select c, ${MODEL}, ${RETRIEVAL_DIMS}, v::vector
          from unnest(${sql.param(ids.slice(i, i + 500))}::uuid[], ${sql.param(texts)}::text[]) as u(c, v)`,
    )
  }
}

/**
 * Vector insert paths compared on identical data: each measurement gets a fresh embedded database, inserts
 * `rows` embeddings in ONE transaction (like storeVersion), optionally into a table whose HNSW index already
 * holds `baseRows` vectors (as in a running deployment).
 */
export async function runInsertBench(options: {
  rows: number
  baseRows: number
  seed: number
  onProgress?: (fraction: number, detail: string) => void
}): Promise<InsertBenchReport> {
  const loadStart = loadAverage()
  const corpus = new RetrievalCorpus(options.rows + options.baseRows, options.seed)
  const vectors = corpus.documents.flatMap((_, d) => corpus.chunkVectors(d))
  const base = vectors.slice(0, options.baseRows)
  const measured = vectors.slice(options.baseRows)
  const results: InsertBenchReport['results'] = []
  const combos = [false, true].flatMap((hnsw) => INSERT_PATHS.map((p) => ({ ...p, hnsw })))
  for (const [i, combo] of combos.entries()) {
    options.onProgress?.(i / combos.length, `${combo.path}${combo.hnsw ? ' + HNSW' : ''}`)
    const s = await setup()
    try {
      if (combo.hnsw) {
        if (base.length > 0) {
          const baseIds = await makeChunks(s, 0, base.length)
          await insertEmbeddings(
            s.database.db,
            baseIds.map((chunkId, k) => ({ chunkId, vector: base[k] ?? [] })),
            MODEL,
            RETRIEVAL_DIMS,
          )
        }
        await ensureEmbeddingIndex(s.database.db, MODEL, RETRIEVAL_DIMS)
      }
      const ids = await makeChunks(s, options.baseRows, measured.length)
      const t = performance.now()
      await s.database.db.transaction(async (tx) => {
        if (combo.path === 'text') await insertText(tx, ids, measured)
        else if (combo.path === 'text-unnest') await insertTextUnnest(tx, ids, measured)
        else
          await insertEmbeddings(
            tx,
            ids.map((chunkId, k) => ({ chunkId, vector: measured[k] ?? [] })),
            MODEL,
            RETRIEVAL_DIMS,
          )
      })
      const seconds = since(t) / 1000
      results.push({
        path: combo.path,
        description: combo.description,
        hnsw: combo.hnsw,
        seconds: round(seconds, 2),
        rowsPerSecond: round(measured.length / seconds, 0),
      })
    } finally {
      await s.database.stop()
    }
  }
  return {
    bench: 'insert',
    rows: measured.length,
    dims: RETRIEVAL_DIMS,
    indexedBaseRows: options.baseRows,
    results,
    machine: machineInfo(loadStart),
  }
}
