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
 * A partial HNSW index for one embedding model. Retrieval must use the same expression
 * (`embedding::vector(N)` and `model = '…'`) for the planner to pick it.
 */
export async function ensureEmbeddingIndex(db: DbOrTx, model: string, dimensions: number): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16000) {
    throw new Error(`Invalid embedding dimension ${dimensions}`)
  }
  const name = embeddingIndexName(model, dimensions)
  const literal = model.replace(/'/g, "''")
  await db.execute(
    sql.raw(
      `CREATE INDEX IF NOT EXISTS "${name}" ON chunk_embeddings USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) WITH (m = 16, ef_construction = 64) WHERE model = '${literal}'`,
    ),
  )
}
