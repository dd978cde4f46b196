import { createDb, embeddingIndexName, redactUrl } from '@policydesk/db'
import { type EphemeralDatabase, startEphemeralDatabase } from '@policydesk/db/embedded'
import { UserFacingError } from '@policydesk/runtime'
import { migrateDatabase } from '../lib/prepare-database'

/**
 * Where a retrieval bench builds its corpus: a fresh in-memory embedded Postgres (default), or — for sizes
 * PGlite cannot hold (1M chunks) — a server Postgres with pgvector ≥ 0.8 given by URL. The server database
 * must be EMPTY (no documents, groups or users): it is migrated, loaded with the synthetic corpus, and the
 * bench's tables are truncated and its HNSW index dropped again after each size.
 */
export async function benchDatabase(
  databaseUrl: string | undefined,
  model: string,
  dims: number,
): Promise<EphemeralDatabase> {
  if (!databaseUrl) return startEphemeralDatabase()
  const handle = createDb(databaseUrl)
  try {
    await migrateDatabase(handle.db)
    const { rows } = await handle.pool.query<{ n: number }>(
      `select ((select count(*) from documents) + (select count(*) from groups)
        + (select count(*) from users))::int as n`,
    )
    if ((rows[0]?.n ?? 0) > 0)
      throw new UserFacingError(
        `--database-url must point at an empty, throwaway database (${redactUrl(databaseUrl)} has documents, groups or users): the bench loads a synthetic corpus into it and truncates its tables afterwards`,
      )
  } catch (error) {
    await handle.close()
    throw error
  }
  return {
    ...handle,
    url: databaseUrl,
    stop: async () => {
      try {
        // CASCADE also empties the tables referencing these (the documents' sharing with groups among them).
        await handle.pool.query(
          'truncate documents, document_versions, groups, chunks, chunk_embeddings, version_term_stats cascade',
        )
        await handle.pool.query(`drop index if exists "${embeddingIndexName(model, dims)}"`)
      } finally {
        await handle.close()
      }
    },
  }
}
