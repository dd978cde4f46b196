import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { groupNamesOf } from '../access'
import type { DbOrTx } from '../client'
import { chunks, documents, documentVersions, type IngestStage, type VersionStatus } from '../schema'
import { bumpCorpusRevision } from './corpus'

export async function findDocumentBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(documents).where(eq(documents.slug, slug))
  return row ?? null
}

export async function getDocument(db: DbOrTx, id: string) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id))
  return row ?? null
}

export async function getVersion(db: DbOrTx, id: string) {
  const [row] = await db.select().from(documentVersions).where(eq(documentVersions.id, id))
  return row ?? null
}

/** Version metadata without the (possibly large) file bytes. */
const versionSummaryColumns = {
  id: documentVersions.id,
  documentId: documentVersions.documentId,
  versionNo: documentVersions.versionNo,
  sha256: documentVersions.sha256,
  sizeBytes: documentVersions.sizeBytes,
  detectedMime: documentVersions.detectedMime,
  status: documentVersions.status,
  stage: documentVersions.stage,
  progress: documentVersions.progress,
  error: documentVersions.error,
  attempts: documentVersions.attempts,
  chunkCount: documentVersions.chunkCount,
  pageCount: documentVersions.pageCount,
  effectiveDate: documentVersions.effectiveDate,
  createdBy: documentVersions.createdBy,
  createdAt: documentVersions.createdAt,
  updatedAt: documentVersions.updatedAt,
  processedAt: documentVersions.processedAt,
}

export async function listVersions(db: DbOrTx, documentId: string) {
  return db
    .select(versionSummaryColumns)
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.versionNo))
}

export type VersionProgress = {
  status?: VersionStatus
  stage: IngestStage
  progress: number
  error?: string | null
}

export async function updateVersionProgress(
  db: DbOrTx,
  versionId: string,
  update: VersionProgress,
): Promise<void> {
  await db
    .update(documentVersions)
    .set({ ...update, updatedAt: new Date() })
    .where(eq(documentVersions.id, versionId))
}

/** Versions accepted but not finished for longer than `olderThanMs`: candidates for re-enqueueing. */
export async function findStaleVersions(db: DbOrTx, olderThanMs: number, limit = 100) {
  return db
    .select({ id: documentVersions.id, status: documentVersions.status })
    .from(documentVersions)
    .where(
      and(
        inArray(documentVersions.status, ['queued', 'processing']),
        sql`${documentVersions.updatedAt} < now() - make_interval(secs => ${olderThanMs / 1000})`,
      ),
    )
    .orderBy(documentVersions.createdAt)
    .limit(limit)
}

export type DocumentListRow = {
  id: string
  slug: string
  title: string
  sourceName: string
  tags: string[]
  groups: string[]
  deletedAt: Date | null
  updatedAt: Date
  currentVersionId: string | null
  latestVersionId: string | null
  latestVersionNo: number | null
  status: VersionStatus | null
  stage: IngestStage | null
  progress: number | null
  error: string | null
  chunkCount: number | null
}

/** Documents with their latest version's status (what admins watch), newest first. */
export async function listDocuments(
  db: DbOrTx,
  options: { includeDeleted?: boolean; limit?: number; offset?: number } = {},
): Promise<DocumentListRow[]> {
  const latest = db
    .selectDistinctOn([documentVersions.documentId], {
      documentId: documentVersions.documentId,
      id: documentVersions.id,
      versionNo: documentVersions.versionNo,
      status: documentVersions.status,
      stage: documentVersions.stage,
      progress: documentVersions.progress,
      error: documentVersions.error,
      chunkCount: documentVersions.chunkCount,
    })
    .from(documentVersions)
    .orderBy(documentVersions.documentId, desc(documentVersions.versionNo))
    .as('latest')
  const rows = await db
    .select({
      id: documents.id,
      slug: documents.slug,
      title: documents.title,
      sourceName: documents.sourceName,
      tags: documents.tags,
      groups: groupNamesOf(sql.raw('"documents"."id"')),
      deletedAt: documents.deletedAt,
      updatedAt: documents.updatedAt,
      currentVersionId: documents.currentVersionId,
      latestVersionId: latest.id,
      latestVersionNo: latest.versionNo,
      status: latest.status,
      stage: latest.stage,
      progress: latest.progress,
      error: latest.error,
      chunkCount: latest.chunkCount,
    })
    .from(documents)
    .leftJoin(latest, eq(latest.documentId, documents.id))
    .where(options.includeDeleted ? undefined : isNull(documents.deletedAt))
    .orderBy(documents.title)
    .limit(options.limit ?? 500)
    .offset(options.offset ?? 0)
  return rows
}

/** Soft delete: the document leaves retrieval at once (retrieval filters on deleted_at). */
export async function softDeleteDocument(db: DbOrTx, documentId: string): Promise<boolean> {
  const updated = await db
    .update(documents)
    .set({ deletedAt: new Date() })
    .where(and(eq(documents.id, documentId), isNull(documents.deletedAt)))
    .returning({ id: documents.id })
  if (updated.length > 0) await bumpCorpusRevision(db)
  return updated.length > 0
}

/** Purge: bytes, chunks and embeddings go; the document row stays as a tombstone for the audit trail. */
export async function purgeDocument(db: DbOrTx, documentId: string): Promise<void> {
  const versionIds = db
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
  await db.delete(chunks).where(inArray(chunks.versionId, versionIds))
  await db
    .update(documentVersions)
    .set({ content: null, chunkCount: 0 })
    .where(eq(documentVersions.documentId, documentId))
  await db
    .update(documents)
    .set({ deletedAt: sql`coalesce(${documents.deletedAt}, now())`, currentVersionId: null })
    .where(eq(documents.id, documentId))
  await bumpCorpusRevision(db)
}

export async function countChunks(db: DbOrTx, versionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(chunks)
    .where(eq(chunks.versionId, versionId))
  return row?.n ?? 0
}

/**
 * Version numbers by version id, for passages that name their version (search results). Takes ids the
 * caller already obtained under the access rule; returns numbers only, never text.
 */
export async function versionNumbers(db: DbOrTx, versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map()
  const rows = await db
    .select({ id: documentVersions.id, versionNo: documentVersions.versionNo })
    .from(documentVersions)
    .where(inArray(documentVersions.id, versionIds))
  return new Map(rows.map((row) => [row.id, row.versionNo]))
}
