import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
import { readableByGroups } from '../access'
import { documents, documentVersions } from '../schema'

/**
 * One version of one document, for a reader: the join picks the current version unless `versionId` names
 * another version of the same document; the filter keeps the document only when it exists, is not deleted
 * and is readable by `groupIds` (the access rule in the query). Shared by the original file and the
 * document text, so both answer the same reader the same way.
 */
export function readableVersionOf(input: { documentId: string; groupIds: string[]; versionId?: string }): {
  join: SQL | undefined
  where: SQL | undefined
} {
  const versionMatch = input.versionId
    ? eq(documentVersions.id, input.versionId)
    : eq(documentVersions.id, documents.currentVersionId)
  return {
    join: and(eq(documentVersions.documentId, documents.id), versionMatch),
    where: and(
      eq(documents.id, input.documentId),
      isNull(documents.deletedAt),
      readableByGroups(input.groupIds, sql.raw('"documents"."id"')),
    ),
  }
}
