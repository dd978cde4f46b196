import { type Database, ensureEmbeddingIndex, schema, sql } from '@policydesk/db'
import { type EmbeddingProvider, embeddingInput, embedTexts } from './embed/provider'

export type ReembedProgress = { done: number; total: number }

/**
 * Embeds every chunk of the current versions that has no vector for `provider`'s model yet, in batches,
 * each batch in its own transaction (safe to interrupt and run again: it resumes where it stopped).
 * This is how the embedding model changes: no schema change, retrieval switches when the env does.
 */
export async function reembedMissing(
  db: Database,
  provider: EmbeddingProvider,
  options: { batchSize?: number; onProgress?: (p: ReembedProgress) => void } = {},
): Promise<ReembedProgress> {
  await ensureEmbeddingIndex(db, provider.model, provider.dimensions)
  const missing = sql`
    from chunks c
    join documents d on d.current_version_id = c.version_id and d.deleted_at is null
    where not exists (select 1 from chunk_embeddings e where e.chunk_id = c.id and e.model = ${provider.model})`
  const [count] = (await db.execute(sql`select count(*)::int as n ${missing}`)).rows as { n: number }[]
  const total = count?.n ?? 0
  const batchSize = options.batchSize ?? 64
  let done = 0
  options.onProgress?.({ done, total })
  for (;;) {
    const rows = (
      await db.execute(sql`select c.id, c.text, c.heading_path ${missing} order by c.id limit ${batchSize}`)
    ).rows as { id: string; text: string; heading_path: string[] }[]
    if (rows.length === 0) break
    const vectors = await embedTexts(
      provider,
      rows.map((r) => embeddingInput({ headingPath: r.heading_path, text: r.text })),
    )
    await db
      .insert(schema.chunkEmbeddings)
      .values(
        rows.map((r, i) => ({
          chunkId: r.id,
          model: provider.model,
          dimensions: provider.dimensions,
          embedding: vectors[i] ?? [],
        })),
      )
      .onConflictDoNothing()
    done += rows.length
    options.onProgress?.({ done, total })
  }
  return { done, total }
}
