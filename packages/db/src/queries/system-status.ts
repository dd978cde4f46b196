import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { chunkEmbeddings, documents, documentVersions, type VersionStatus, versionStatuses } from '../schema'

/** Facts about the database itself for the admin System page. No document text, no questions. */

export async function databaseSizeBytes(db: DbOrTx): Promise<number> {
  const result = await db.execute(sql`select pg_database_size(current_database())::float8 as bytes`)
  return Number((result.rows[0] as { bytes: number } | undefined)?.bytes ?? 0)
}

export type VectorIndexStatus = {
  model: string
  embeddings: number
  /** null when no HNSW index covers this model: retrieval then scans every vector. */
  index: { name: string; dimensions: number | null; valid: boolean; sizeBytes: number } | null
}

/**
 * Each embedding model in chunk_embeddings with its partial HNSW index (see ensureEmbeddingIndex): whether
 * it exists, is valid (a failed concurrent build leaves an invalid one) and how big it is.
 */
export async function vectorIndexStatus(db: DbOrTx): Promise<VectorIndexStatus[]> {
  const indexes = await db.execute(sql`
    select c.relname as name, ix.indisvalid as valid, pg_relation_size(c.oid)::float8 as bytes,
      pg_get_indexdef(c.oid) as definition
    from pg_index ix
    join pg_class c on c.oid = ix.indexrelid
    join pg_am am on am.oid = c.relam
    where ix.indrelid = 'chunk_embeddings'::regclass and am.amname = 'hnsw'`)
  const counts = await db
    .select({ model: chunkEmbeddings.model, n: sql<number>`count(*)::int` })
    .from(chunkEmbeddings)
    .groupBy(chunkEmbeddings.model)
  const byModel = new Map<string, VectorIndexStatus>()
  for (const { model, n } of counts) byModel.set(model, { model, embeddings: n, index: null })
  for (const row of indexes.rows as { name: string; valid: boolean; bytes: number; definition: string }[]) {
    const model = /model = '((?:[^']|'')*)'/.exec(row.definition)?.[1]?.replace(/''/g, "'")
    if (!model) continue
    const dimensions = /vector\((\d+)\)/.exec(row.definition)?.[1]
    const entry = byModel.get(model) ?? { model, embeddings: 0, index: null }
    entry.index = {
      name: row.name,
      dimensions: dimensions ? Number(dimensions) : null,
      valid: row.valid,
      sizeBytes: Number(row.bytes),
    }
    byModel.set(model, entry)
  }
  return [...byModel.values()].sort((a, b) => b.embeddings - a.embeddings)
}

/** Versions of live documents by ingestion status. */
export async function versionStatusCounts(db: DbOrTx): Promise<Record<VersionStatus, number>> {
  const rows = await db
    .select({ status: documentVersions.status, n: sql<number>`count(*)::int` })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(isNull(documents.deletedAt))
    .groupBy(documentVersions.status)
  const counts = Object.fromEntries(versionStatuses.map((s) => [s, 0])) as Record<VersionStatus, number>
  for (const row of rows) counts[row.status] = row.n
  return counts
}

export type FailedVersionRow = {
  documentId: string
  /** Admin-only: the System page is for admins, who may see every document. */
  title: string
  versionId: string
  versionNo: number
  error: string | null
  attempts: number
  failedAt: Date
}

/** The most recent failed ingestions of live documents, with their error, for the retry list. */
export async function listFailedVersions(db: DbOrTx, limit = 20): Promise<FailedVersionRow[]> {
  return db
    .select({
      documentId: documents.id,
      title: documents.title,
      versionId: documentVersions.id,
      versionNo: documentVersions.versionNo,
      error: documentVersions.error,
      attempts: documentVersions.attempts,
      failedAt: documentVersions.updatedAt,
    })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documentVersions.status, 'failed'), isNull(documents.deletedAt)))
    .orderBy(desc(documentVersions.updatedAt))
    .limit(limit)
}
