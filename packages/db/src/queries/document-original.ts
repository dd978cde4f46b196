import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { documents, documentVersions } from '../schema'
import { readableVersionOf } from './readable-version'

export type DocumentOriginal = {
  title: string
  sourceName: string
  versionNo: number
  mime: string
  content: Buffer
}

/**
 * The stored bytes of a document version (the current one unless `versionId` names another version of the
 * same document), or null when the document is unknown, deleted, purged, or not readable by `groupIds`.
 * The access rule is part of the query, so a caller cannot forget it.
 */
export async function readableDocumentOriginal(
  db: DbOrTx,
  input: { documentId: string; groupIds: string[]; versionId?: string },
): Promise<DocumentOriginal | null> {
  if (input.groupIds.length === 0) return null
  const readable = readableVersionOf(input)
  const [row] = await db
    .select({
      title: documents.title,
      sourceName: documents.sourceName,
      versionNo: documentVersions.versionNo,
      mime: sql<string>`coalesce(${documentVersions.detectedMime}, ${documentVersions.declaredMime})`,
      content: documentVersions.content,
    })
    .from(documents)
    .innerJoin(documentVersions, readable.join)
    .where(readable.where)
  if (!row?.content) return null
  return { ...row, content: row.content }
}
