import { type DbOrTx, sql } from '@policydesk/db'

/**
 * pgvector's binary wire format (what `vector_send` writes and `vector_recv` reads): int16 dimensions,
 * int16 reserved (always 0), then one big-endian float4 per dimension.
 */
export function encodeVectorBinary(vector: ArrayLike<number>): Buffer {
  const buffer = Buffer.allocUnsafe(4 + 4 * vector.length)
  buffer.writeInt16BE(vector.length, 0)
  buffer.writeInt16BE(0, 2)
  for (let i = 0; i < vector.length; i++) buffer.writeFloatBE(vector[i] ?? 0, 4 + 4 * i)
  return buffer
}

/** The inverse of encodeVectorBinary (tests and tools reading `vector_send` output). */
export function decodeVectorBinary(buffer: Buffer): number[] {
  const dims = buffer.readInt16BE(0)
  return Array.from({ length: dims }, (_, i) => buffer.readFloatBE(4 + 4 * i))
}

export type EmbeddingRow = { chunkId: string; vector: ArrayLike<number> }

/** Rows per INSERT statement: 500 × ~1.5 KB vectors ≈ 0.8 MB per Bind message, 1,000 parameters. */
export const EMBEDDING_INSERT_BATCH = 500

/**
 * Inserts embeddings with each vector as a BINARY bind parameter (node-postgres sends a Buffer with format
 * code 1), so the server decodes it with `vector_recv` instead of parsing `'[0.1,…]'` text with
 * `vector_in`. Inside PGlite's WASM the text parser was the bottleneck of a plain INSERT (~1k rows/s vs
 * ~7k rows/s binary, 384 dims); on a real Postgres the binary path is standard protocol and works the same
 * (`vector_recv` has been the type's receive function since pgvector 0.1). Runs on whatever `db` is given,
 * so callers keep it inside their transaction.
 *
 * COPY FROM STDIN would avoid the per-row Bind cost too, but the PGlite socket server does not implement the
 * COPY sub-protocol: the server reads EOF mid-COPY and the shared session is lost. Not worth a
 * feature-detected second path: with an HNSW index on the table, index maintenance, not decoding, bounds
 * the insert rate (see docs/benchmarks.md).
 */
export async function insertEmbeddings(
  db: DbOrTx,
  rows: readonly EmbeddingRow[],
  model: string,
  dimensions: number,
): Promise<void> {
  for (const row of rows) {
    if (row.vector.length !== dimensions) {
      throw new Error(`Embedding has ${row.vector.length} dimensions, expected ${dimensions} (${model})`)
    }
  }
  for (let i = 0; i < rows.length; i += EMBEDDING_INSERT_BATCH) {
    const batch = rows.slice(i, i + EMBEDDING_INSERT_BATCH)
    const values = batch.map(
      (row) =>
        sql`(${row.chunkId}::uuid, ${model}, ${dimensions}::int, ${encodeVectorBinary(row.vector)}::vector)`,
    )
    await db.execute(
      sql`insert into chunk_embeddings (chunk_id, model, dimensions, embedding) values ${sql.join(values, sql`, `)}`,
    )
  }
}
