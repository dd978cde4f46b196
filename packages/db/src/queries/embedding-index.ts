import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'

/** Index names must be identifiers: the model name is reduced to a safe slug plus its dimension. */
export function embeddingIndexName(model: string, dimensions: number): string {
  const slug = model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)
  return `chunk_embeddings_hnsw_${slug}_${dimensions}`
}

/**
 * Memory pgvector's in-memory HNSW build needs per vector (m = 16): the float4 values plus ~600 bytes of
 * element and neighbour lists. Measured on PGlite: 64 MB held 31,911 vectors of 384 dims (2.1 KB each).
 */
export const hnswBuildBytesPerVector = (dimensions: number) => 4 * dimensions + 600

/** Largest maintenance_work_mem ensureEmbeddingIndex asks for (PGlite is a 32-bit WASM process). */
const MAX_BUILD_MEMORY_MB = 1024

export type EmbeddingIndexResult = {
  created: boolean
  /** maintenance_work_mem used for the build when it was raised for it, e.g. '268MB'. */
  buildMemory: string | null
}

/**
 * A partial HNSW index for one embedding model. Retrieval must use the same expression
 * (`embedding::vector(N)` and `model = '…'`) for the planner to pick it.
 *
 * When the index has to be built over existing rows, maintenance_work_mem is raised (for this transaction
 * only, never lowered) so the whole graph fits in memory: once it does not, pgvector finishes the build with
 * on-disk inserts, several times slower (40k vectors: 63 s instead of 99 s; the gap grows with size).
 */
export async function ensureEmbeddingIndex(
  db: DbOrTx,
  model: string,
  dimensions: number,
): Promise<EmbeddingIndexResult> {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16000) {
    throw new Error(`Invalid embedding dimension ${dimensions}`)
  }
  const name = embeddingIndexName(model, dimensions)
  const literal = model.replace(/'/g, "''")
  const create = sql.raw(
    `CREATE INDEX IF NOT EXISTS "${name}" ON chunk_embeddings USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) WITH (m = 16, ef_construction = 64) WHERE model = '${literal}'`,
  )
  const probe = await db.execute(sql`
    select to_regclass(${`"${name}"`}) is not null as exists,
      (select count(*) from chunk_embeddings where model = ${model})::float8 as rows,
      (select setting::float8 * 1024 from pg_settings where name = 'maintenance_work_mem') as current_bytes`)
  const state = probe.rows[0] as { exists: boolean; rows: number; current_bytes: number } | undefined
  if (state?.exists) return { created: false, buildMemory: null }
  const neededMb = Math.ceil((1.25 * (state?.rows ?? 0) * hnswBuildBytesPerVector(dimensions)) / 1024 / 1024)
  const wantedMb = Math.min(MAX_BUILD_MEMORY_MB, neededMb)
  if (!state || wantedMb * 1024 * 1024 <= state.current_bytes) {
    await db.execute(create)
    return { created: true, buildMemory: null }
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${wantedMb}MB'`))
    await tx.execute(create)
  })
  return { created: true, buildMemory: `${wantedMb}MB` }
}

/**
 * Drops the model's HNSW index before a bulk load (rebuilt by ensureEmbeddingIndex afterwards; `db migrate`
 * and every start rebuild it too, so an interrupted load never leaves retrieval without it for long).
 * Retrieval stays correct meanwhile: without the index the planner scans exactly. Returns whether it existed.
 */
export async function dropEmbeddingIndex(db: DbOrTx, model: string, dimensions: number): Promise<boolean> {
  const name = embeddingIndexName(model, dimensions)
  const probe = await db.execute(sql`select to_regclass(${`"${name}"`}) is not null as exists`)
  const existed = (probe.rows[0] as { exists: boolean } | undefined)?.exists === true
  if (existed) await db.execute(sql.raw(`DROP INDEX IF EXISTS "${name}"`))
  return existed
}

/** Whether the model's HNSW index exists, and how many embedding rows the model has. */
export async function embeddingIndexState(
  db: DbOrTx,
  model: string,
  dimensions: number,
): Promise<{ indexed: boolean; rows: number }> {
  const name = embeddingIndexName(model, dimensions)
  const probe = await db.execute(sql`
    select to_regclass(${`"${name}"`}) is not null as indexed,
      (select count(*) from chunk_embeddings where model = ${model})::int as rows`)
  const row = probe.rows[0] as { indexed: boolean; rows: number } | undefined
  return { indexed: row?.indexed === true, rows: Number(row?.rows ?? 0) }
}
