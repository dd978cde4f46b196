import { bumpCorpusRevision, type Database, schema, sql } from '@policydesk/db'
import { eq } from 'drizzle-orm'
import type { DocumentChunk } from '../chunk/chunk-document'

const { chunks, chunkEmbeddings, documents, documentVersions } = schema

export type StoreInput = {
  versionId: string
  chunks: DocumentChunk[]
  vectors: number[][]
  model: string
  dimensions: number
  pageCount?: number
  detectedMime: string
}

const INSERT_BATCH = 200

/** Six decimals is below float4 noise for unit vectors and keeps the text the WASM parser reads short. */
const compactVector = (vector: number[]) => vector.map((v) => Math.round(v * 1e6) / 1e6)

/**
 * Writes a version's chunks and embeddings and flips it to `ready` in ONE transaction, then points the
 * document at it if it is the newest ready version. Retrieval therefore never sees a half-stored version,
 * and a killed or retried job cannot leave partial or duplicate chunks (the version's old rows are
 * replaced inside the same transaction).
 */
export async function storeVersion(db: Database, input: StoreInput): Promise<void> {
  if (input.vectors.length !== input.chunks.length) throw new Error('One vector per chunk is required')
  await db.transaction(async (tx) => {
    await tx.delete(chunks).where(eq(chunks.versionId, input.versionId))
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
      await tx.insert(chunkEmbeddings).values(
        inserted.map((row) => ({
          chunkId: row.id,
          model: input.model,
          dimensions: input.dimensions,
          embedding: compactVector(input.vectors[row.ordinal] ?? []),
        })),
      )
    }
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
}
