import { bumpCorpusRevision, type Database, schema, sql } from '@policydesk/db'
import { eq } from 'drizzle-orm'
import type { DocumentChunk } from '../chunk/chunk-document'
import { type EmbeddingRow, insertEmbeddings } from './vector-insert'

const { chunks, documents, documentVersions } = schema

export type StoreInput = {
  versionId: string
  chunks: DocumentChunk[]
  vectors: number[][]
  model: string
  dimensions: number
  pageCount?: number
  detectedMime: string
}

/** Where storeVersion's time went (milliseconds), for benchmarks and logs. */
export type StoreTimings = {
  /**
   * BEGIN plus removing rows of an earlier, interrupted attempt. On the embedded database this includes
   * waiting for the shared session while another client's transaction holds it.
   */
  deleteMs: number
  /** Chunk rows: includes the generated tsvector and the GIN/btree index updates. */
  chunksMs: number
  /** Embedding rows: binary vectors plus the HNSW index update. */
  embeddingsMs: number
  /** Flipping the version ready, switching the document, bumping the corpus revision, COMMIT. */
  finalizeMs: number
}

const INSERT_BATCH = 200

/**
 * Writes a version's chunks and embeddings and flips it to `ready` in ONE transaction, then points the
 * document at it if it is the newest ready version. Retrieval therefore never sees a half-stored version,
 * and a killed or retried job cannot leave partial or duplicate chunks (the version's old rows are
 * replaced inside the same transaction).
 */
export async function storeVersion(db: Database, input: StoreInput): Promise<StoreTimings> {
  if (input.vectors.length !== input.chunks.length) throw new Error('One vector per chunk is required')
  const timings: StoreTimings = { deleteMs: 0, chunksMs: 0, embeddingsMs: 0, finalizeMs: 0 }
  let mark = performance.now()
  const lap = () => {
    const now = performance.now()
    const elapsed = now - mark
    mark = now
    return elapsed
  }
  await db.transaction(async (tx) => {
    await tx.delete(chunks).where(eq(chunks.versionId, input.versionId))
    timings.deleteMs = lap()
    const embeddingRows: EmbeddingRow[] = []
    for (let i = 0; i < input.chunks.length; i += INSERT_BATCH) {
      const batch = input.chunks.slice(i, i + INSERT_BATCH)
      const inserted = await tx
        .insert(chunks)
        .values(
          batch.map((c) => ({
            versionId: input.versionId,
            ordinal: c.ordinal,
            headingPath: c.headingPath,
            heading: c.headingPath.join(' > '),
            text: c.text,
            charStart: c.charStart,
            charEnd: c.charEnd,
            pageStart: c.pageStart,
            pageEnd: c.pageEnd,
            tokenCount: c.tokenCount,
          })),
        )
        .returning({ id: chunks.id, ordinal: chunks.ordinal })
      for (const row of inserted)
        embeddingRows.push({ chunkId: row.id, vector: input.vectors[row.ordinal] ?? [] })
    }
    timings.chunksMs = lap()
    await insertEmbeddings(tx, embeddingRows, input.model, input.dimensions)
    timings.embeddingsMs = lap()
    const [version] = await tx
      .update(documentVersions)
      .set({
        status: 'ready',
        stage: 'ready',
        progress: 100,
        error: null,
        chunkCount: input.chunks.length,
        pageCount: input.pageCount ?? null,
        detectedMime: input.detectedMime,
        processedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(documentVersions.id, input.versionId))
      .returning({ documentId: documentVersions.documentId, versionNo: documentVersions.versionNo })
    if (!version) throw new Error(`Version ${input.versionId} disappeared while storing`)
    // Switch the document only forward: an old version finishing late must not replace a newer one.
    await tx
      .update(documents)
      .set({ currentVersionId: input.versionId, updatedAt: new Date() })
      .where(
        sql`${documents.id} = ${version.documentId} and (${documents.currentVersionId} is null or ${version.versionNo} > (select version_no from document_versions where id = ${documents.currentVersionId}))`,
      )
    await bumpCorpusRevision(tx)
  })
  timings.finalizeMs = lap()
  return timings
}
