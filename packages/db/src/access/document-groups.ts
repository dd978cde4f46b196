import { eq, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { bumpCorpusRevision } from '../queries/corpus'
import { ensureGroups } from '../queries/groups'
import { documentGroups, groups } from '../schema'

/**
 * Writing and DISPLAYING who a document is shared with (admin console, CLI). Deciding who may read lives
 * in documents.ts; both live here so document_groups has one home.
 */

/** Shares a document with exactly these groups (created when missing); bumps the corpus revision. */
export async function setDocumentGroups(db: DbOrTx, documentId: string, groupNames: string[]): Promise<void> {
  const groupIds = await ensureGroups(db, groupNames)
  await db.delete(documentGroups).where(eq(documentGroups.documentId, documentId))
  if (groupIds.length > 0) {
    await db.insert(documentGroups).values(groupIds.map((groupId) => ({ documentId, groupId })))
  }
  await bumpCorpusRevision(db)
}

export async function documentGroupNames(db: DbOrTx, documentId: string): Promise<string[]> {
  const rows = await db
    .select({ name: groups.name })
    .from(documentGroups)
    .innerJoin(groups, eq(groups.id, documentGroups.groupId))
    .where(eq(documentGroups.documentId, documentId))
    .orderBy(groups.name)
  return rows.map((r) => r.name)
}

/** A column: the sorted names of the groups a document (an id expression) is shared with. */
export function groupNamesOf(documentId: SQL): SQL<string[]> {
  return sql<string[]>`coalesce((select array_agg(g.name order by g.name) from document_groups dg
    join groups g on g.id = dg.group_id where dg.document_id = ${documentId}), '{}')`
}

/** A condition: the document (an id expression) is shared with the group of this name. */
export function sharedWithGroupNamed(documentId: SQL, groupName: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from document_groups dg join groups g on g.id = dg.group_id
    where dg.document_id = ${documentId} and g.name = ${groupName})`
}

/** A column: how many non-deleted documents are shared with the group (an id expression). */
export function documentCountOf(groupId: SQL): SQL<number> {
  return sql<number>`(select count(*)::int from document_groups dg join documents d on d.id = dg.document_id
    where dg.group_id = ${groupId} and d.deleted_at is null)`
}

/** Which groups may read each document (the playground explains exclusions with it). */
export async function documentAccess(
  db: DbOrTx,
  documentIds: string[],
): Promise<{ documentId: string; groupIds: string[]; groupNames: string[] }[]> {
  if (documentIds.length === 0) return []
  const result = await db.execute<{ document_id: string; group_ids: string[]; group_names: string[] }>(sql`
    select dg.document_id, array_agg(g.id::text order by g.name) as group_ids, array_agg(g.name order by g.name) as group_names
    from document_groups dg join groups g on g.id = dg.group_id
    where dg.document_id = any(${sql.param(documentIds)}::uuid[])
    group by dg.document_id`)
  return result.rows.map((r) => ({
    documentId: r.document_id,
    groupIds: r.group_ids,
    groupNames: r.group_names,
  }))
}
