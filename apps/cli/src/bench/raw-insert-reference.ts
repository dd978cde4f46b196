import { ensureEmbeddingIndex } from '@policydesk/db'
import { type EphemeralDatabase, startEphemeralDatabase } from '@policydesk/db/embedded'
import { insertEmbeddings } from '@policydesk/ingest'
import { round, since } from './measure'

export type RawInsertReference = {
  rows: number
  seconds: number
  rowsPerSecond: number
  hnswIndex: 'live' | 'deferred'
}

/** The vectors an ingest stored (its embedder's model), to replay them as a raw insert. */
export async function storedVectors(database: EphemeralDatabase, model: string): Promise<Float32Array[]> {
  const { rows } = await database.pool.query<{ v: string }>(
    'select embedding::text as v from chunk_embeddings where model = $1 order by chunk_id',
    [model],
  )
  return rows.map((r) => Float32Array.from(JSON.parse(r.v) as number[]))
}

/**
 * The ceiling an end-to-end ingest is compared against (issue 17: chunks/s ≥ 50 % of it): the same vectors
 * inserted through the binary path (`insertEmbeddings`, as `storeVersion` does) in ONE transaction into a
 * fresh embedded database, with the model's HNSW index live (empty at the start, as in the ingest) or
 * absent (deferred). Chunk rows for the foreign key are created first, untimed.
 */
export async function rawInsertReference(
  vectors: Float32Array[],
  model: string,
  dimensions: number,
  hnswIndex: 'live' | 'deferred',
): Promise<RawInsertReference> {
  const database = await startEphemeralDatabase()
  try {
    const { rows: version } = await database.pool.query<{ id: string }>(
      `with d as (insert into documents (slug, title, source_name) values ('raw', 'raw', 'raw.md') returning id)
       insert into document_versions (document_id, version_no, sha256, size_bytes) select id, 1, 'x', 1 from d returning id`,
    )
    const { rows: chunks } = await database.pool.query<{ id: string }>(
      `insert into chunks (version_id, ordinal, text, char_start, char_end, token_count)
       select $1, g, 'raw chunk', 0, 9, 2 from generate_series(0, $2::int - 1) g order by g returning id`,
      [version[0]?.id, vectors.length],
    )
    if (hnswIndex === 'live') await ensureEmbeddingIndex(database.db, model, dimensions)
    const t = performance.now()
    await database.db.transaction(async (tx) => {
      await insertEmbeddings(
        tx,
        chunks.map((c, i) => ({ chunkId: c.id, vector: vectors[i] ?? [] })),
        model,
        dimensions,
      )
    })
    const seconds = since(t) / 1000
    return {
      rows: vectors.length,
      seconds: round(seconds, 2),
      rowsPerSecond: round(vectors.length / seconds, 0),
      hnswIndex,
    }
  } finally {
    await database.stop()
  }
}
