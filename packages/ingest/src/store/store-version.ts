import {
  bumpCorpusRevision,
  type Database,
  replaceVersionTermStats,
  schema,
  sql,
  suggestDocumentApplicability,
} from '@policydesk/db'
import { findUntrustedSpans } from '@policydesk/text'
import { and, eq, ne } from 'drizzle-orm'
import { sectionApplicability } from '../applicability/gazetteer'
import type { DocumentChunk } from '../chunk/chunk-document'
import { applyPendingGroups } from '../replace-access'
import { chunkTerms, versionTermStats } from './term-index'
import { type EmbeddingRow, insertEmbeddings } from './vector-insert'

const { chunks, documents, documentVersions } = schema

export type StoreInput = {
  versionId: string
  /** The document's title: part of every chunk's BM25 terms. */
  title: string
  chunks: DocumentChunk[]
  vectors: number[][]
  model: string
  dimensions: number
  pageCount?: number
  detectedMime: string
  /** Aborted (the attempt timed out): the transaction rolls back instead of committing. */
  signal?: AbortSignal
  /** From the parser: hidden pieces of text it left out. */
  hiddenTextDropped?: number
  /**
   * Whom the text says the document is for ("Annual Leave — Portugal"): stored as the document's
   * suggestion when it has no applicability yet (an admin confirms or dismisses it).
   */
  suggestion?: schema.Applicability | null
}

/** The version was failed (poison, timeout) while this attempt was storing it: nothing was committed. */
export class VersionNoLongerProcessing extends Error {
  override name = 'VersionNoLongerProcessing'
}

/** Where storeVersion's time went (milliseconds), for benchmarks and logs. */
export type StoreTimings = {
  /**
   * BEGIN plus removing rows of an earlier, interrupted attempt. On the embedded database this includes
   * waiting for the shared session while another client's transaction holds it.
   */
  deleteMs: number
  /** Chunk rows and the version's term statistics, with their GIN/btree index updates. */
  chunksMs: number
  /** Embedding rows: binary vectors plus the HNSW index update. */
  embeddingsMs: number
  /** Flipping the version ready, switching the document, bumping the corpus revision, COMMIT. */
  finalizeMs: number
}

const INSERT_BATCH = 200

/**
 * Writes a version's chunks and embeddings and flips it to `ready` in ONE transaction, then points the
 * document at it if it is the newest ready version (applying the access groups the version carries). Retrieval therefore never sees a half-stored version,
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
  const terms = input.chunks.map((c) => chunkTerms(c, input.title))
  const stats = versionTermStats(terms)
  // Flagged where chunks are stored, so every ingestion path (worker, CLI, seed) records them; computed
  // before the transaction so the database session is not held while the detector runs.
  const untrusted = input.chunks.map((c) => findUntrustedSpans(c.text))
  // A section whose heading names a country ("## Portugal") applies to that country only.
  const sections = input.chunks.map((c) => sectionApplicability(c.headingPath))
  await db.transaction(async (tx) => {
    await tx.delete(chunks).where(eq(chunks.versionId, input.versionId))
    timings.deleteMs = lap()
    const embeddingRows: EmbeddingRow[] = []
    for (let i = 0; i < input.chunks.length; i += INSERT_BATCH) {
      const batch = input.chunks.slice(i, i + INSERT_BATCH)
      const inserted = await tx
        .insert(chunks)
        .values(
          batch.map((c, j) => ({
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
            terms: terms[i + j]?.terms ?? [],
            termFreqs: terms[i + j]?.freqs ?? [],
            termCount: terms[i + j]?.length ?? 0,
            untrusted: untrusted[c.ordinal] ?? [],
            applicability: sections[i + j] ?? null,
          })),
        )
        .returning({ id: chunks.id, ordinal: chunks.ordinal })
      for (const row of inserted)
        embeddingRows.push({ chunkId: row.id, vector: input.vectors[row.ordinal] ?? [] })
    }
    await replaceVersionTermStats(tx, input.versionId, stats)
    timings.chunksMs = lap()
    await insertEmbeddings(tx, embeddingRows, input.model, input.dimensions)
    timings.embeddingsMs = lap()
    input.signal?.throwIfAborted()
    const [version] = await tx
      .update(documentVersions)
      .set({
        status: 'ready',
        stage: 'ready',
        progress: 100,
        error: null,
        chunkCount: input.chunks.length,
        pageCount: input.pageCount ?? null,
        hiddenTextDropped: input.hiddenTextDropped ?? 0,
        detectedMime: input.detectedMime,
        attemptStartedAt: null,
        processedAt: new Date(),
        updatedAt: new Date(),
      })
      // A version failed meanwhile (stopped too often, timed out) stays failed.
      .where(and(eq(documentVersions.id, input.versionId), ne(documentVersions.status, 'failed')))
      .returning({ documentId: documentVersions.documentId, versionNo: documentVersions.versionNo })
    if (!version) throw new VersionNoLongerProcessing(`Version ${input.versionId} is failed or gone`)
    // Switch the document only forward: an old version finishing late must not replace a newer one.
    const switched = await tx
      .update(documents)
      .set({ currentVersionId: input.versionId, updatedAt: new Date() })
      .where(
        sql`${documents.id} = ${version.documentId} and (${documents.currentVersionId} is null or ${version.versionNo} > (select version_no from document_versions where id = ${documents.currentVersionId}))`,
      )
      .returning({ id: documents.id })
    // Access a replace widened takes effect with the version that carries it, in this transaction.
    await applyPendingGroups(tx, {
      versionId: input.versionId,
      documentId: version.documentId,
      becameCurrent: switched.length > 0,
    })
    if (input.suggestion && switched.length > 0)
      await suggestDocumentApplicability(tx, version.documentId, input.suggestion)
    await bumpCorpusRevision(tx)
  })
  timings.finalizeMs = lap()
  return timings
}
