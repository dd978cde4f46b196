import type { UntrustedSpan } from '@policydesk/text'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { chunks, documents, documentVersions, type IngestStage, users, type VersionStatus } from '../schema'

/** Versions as the admin console shows them: history, live status, chunks, original bytes. */

export type VersionHistoryRow = {
  id: string
  versionNo: number
  status: VersionStatus
  stage: IngestStage
  progress: number
  error: string | null
  sizeBytes: number
  chunkCount: number
  pageCount: number | null
  /** Pieces of text hidden from readers that parsing left out. */
  hiddenTextDropped: number
  mime: string
  effectiveDate: string | null
  createdAt: Date
  processedAt: Date | null
  uploaderName: string | null
  uploaderEmail: string | null
  hasContent: boolean
}

/** Every version of a document, newest first, with who uploaded it (no file bytes). */
export async function listVersionHistory(db: DbOrTx, documentId: string): Promise<VersionHistoryRow[]> {
  return db
    .select({
      id: documentVersions.id,
      versionNo: documentVersions.versionNo,
      status: documentVersions.status,
      stage: documentVersions.stage,
      progress: documentVersions.progress,
      error: documentVersions.error,
      sizeBytes: documentVersions.sizeBytes,
      chunkCount: documentVersions.chunkCount,
      pageCount: documentVersions.pageCount,
      hiddenTextDropped: documentVersions.hiddenTextDropped,
      mime: sql<string>`coalesce(${documentVersions.detectedMime}, ${documentVersions.declaredMime})`,
      effectiveDate: documentVersions.effectiveDate,
      createdAt: documentVersions.createdAt,
      processedAt: documentVersions.processedAt,
      uploaderName: users.name,
      uploaderEmail: users.email,
      hasContent: sql<boolean>`${documentVersions.content} is not null`,
    })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.createdBy))
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.versionNo))
}

export type VersionStatusRow = {
  id: string
  documentId: string
  versionNo: number
  status: VersionStatus
  stage: IngestStage
  progress: number
  error: string | null
  chunkCount: number
}

/** The small payload live progress polls. */
export async function getVersionStatuses(db: DbOrTx, versionIds: string[]): Promise<VersionStatusRow[]> {
  if (versionIds.length === 0) return []
  return db
    .select({
      id: documentVersions.id,
      documentId: documentVersions.documentId,
      versionNo: documentVersions.versionNo,
      status: documentVersions.status,
      stage: documentVersions.stage,
      progress: documentVersions.progress,
      error: documentVersions.error,
      chunkCount: documentVersions.chunkCount,
    })
    .from(documentVersions)
    .where(inArray(documentVersions.id, versionIds))
}

export type ChunkViewRow = {
  id: string
  ordinal: number
  headingPath: string[]
  text: string
  pageStart: number | null
  pageEnd: number | null
  tokenCount: number
  /** Sentences flagged as addressed to an AI, as offsets into `text`. */
  untrusted: UntrustedSpan[]
}

/** A version's chunks in order, one page at a time; `flagged` counts flagged sentences in all of them. */
export async function listVersionChunks(
  db: DbOrTx,
  input: { versionId: string; limit: number; offset: number },
): Promise<{ rows: ChunkViewRow[]; total: number; flagged: number }> {
  const [count] = await db
    .select({
      n: sql<number>`count(*)::int`,
      flagged: sql<number>`coalesce(sum(jsonb_array_length(${chunks.untrusted})), 0)::int`,
    })
    .from(chunks)
    .where(eq(chunks.versionId, input.versionId))
  const rows = await db
    .select({
      id: chunks.id,
      ordinal: chunks.ordinal,
      headingPath: chunks.headingPath,
      text: chunks.text,
      pageStart: chunks.pageStart,
      pageEnd: chunks.pageEnd,
      tokenCount: chunks.tokenCount,
      untrusted: chunks.untrusted,
    })
    .from(chunks)
    .where(eq(chunks.versionId, input.versionId))
    .orderBy(chunks.ordinal)
    .limit(input.limit)
    .offset(input.offset)
  return { rows, total: count?.n ?? 0, flagged: count?.flagged ?? 0 }
}

export type VersionOriginal = {
  documentId: string
  sourceName: string
  versionNo: number
  mime: string
  content: Buffer
}

/**
 * The uploaded bytes of any version (admins: no group check, deleted documents included), or null when
 * the version is unknown, belongs to another document, or was purged.
 */
export async function getVersionOriginal(
  db: DbOrTx,
  input: { documentId: string; versionId: string },
): Promise<VersionOriginal | null> {
  const [row] = await db
    .select({
      documentId: documentVersions.documentId,
      sourceName: documents.sourceName,
      versionNo: documentVersions.versionNo,
      mime: sql<string>`coalesce(${documentVersions.detectedMime}, ${documentVersions.declaredMime})`,
      content: documentVersions.content,
    })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documentVersions.id, input.versionId), eq(documentVersions.documentId, input.documentId)))
  if (!row?.content) return null
  return { ...row, content: row.content }
}
