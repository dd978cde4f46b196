import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { readableByGroups } from '../access'
import type { DbOrTx } from '../client'
import { chunks, documents, documentVersions } from '../schema'
import { readableVersionOf } from './readable-version'

/** One stored passage (chunk) of a version, with its span in the version's extracted text. */
export type DocumentTextPassage = {
  id: string
  ordinal: number
  headingPath: string[]
  text: string
  charStart: number
  charEnd: number
  pageStart: number | null
  pageEnd: number | null
}

export type DocumentText = {
  documentId: string
  title: string
  versionId: string
  versionNo: number
  mime: string
  pageCount: number | null
  /** In reading order; consecutive passages may overlap (the chunker repeats a sentence or two). */
  passages: DocumentTextPassage[]
}

/** More passages than any policy has (a 300-page PDF is ~2,000): a bound, not a page size. */
const MAX_PASSAGES = 10_000

/**
 * A document version's text as its stored passages (the current version unless `versionId` names another
 * version of the same document), or null when the document is unknown, deleted, or not readable by
 * `groupIds`. The access rule is part of the query, as for the original file.
 */
export async function readableDocumentText(
  db: DbOrTx,
  input: { documentId: string; groupIds: string[]; versionId?: string },
): Promise<DocumentText | null> {
  if (input.groupIds.length === 0) return null
  const readable = readableVersionOf(input)
  const [version] = await db
    .select({
      documentId: documents.id,
      title: documents.title,
      versionId: documentVersions.id,
      versionNo: documentVersions.versionNo,
      mime: sql<string>`coalesce(${documentVersions.detectedMime}, ${documentVersions.declaredMime})`,
      pageCount: documentVersions.pageCount,
    })
    .from(documents)
    .innerJoin(documentVersions, readable.join)
    .where(readable.where)
  if (!version) return null
  const passages = await db
    .select({
      id: chunks.id,
      ordinal: chunks.ordinal,
      headingPath: chunks.headingPath,
      text: chunks.text,
      charStart: chunks.charStart,
      charEnd: chunks.charEnd,
      pageStart: chunks.pageStart,
      pageEnd: chunks.pageEnd,
    })
    .from(chunks)
    .where(eq(chunks.versionId, version.versionId))
    .orderBy(asc(chunks.ordinal))
    .limit(MAX_PASSAGES)
  return { ...version, passages }
}

export type ReadableDocumentRow = {
  documentId: string
  title: string
  slug: string
  versionId: string
  versionNo: number
}

/** Every document `groupIds` may read (current version, not deleted), by title: MCP resources. */
export async function listReadableDocuments(db: DbOrTx, groupIds: string[]): Promise<ReadableDocumentRow[]> {
  if (groupIds.length === 0) return []
  return db
    .select({
      documentId: documents.id,
      title: documents.title,
      slug: documents.slug,
      versionId: documentVersions.id,
      versionNo: documentVersions.versionNo,
    })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(and(isNull(documents.deletedAt), readableByGroups(groupIds, sql.raw('"documents"."id"'))))
    .orderBy(asc(documents.title))
}
