import { type SQL, sql } from 'drizzle-orm'
import { seesEverything, type Viewer } from './viewer'

/**
 * THE access rule: a document is readable by a set of groups when it is shared with one of them (a
 * document_groups row). Every other rule in this folder is built from this one; nothing outside this
 * folder names document_groups (src/access/one-home.test.ts checks).
 */
export function readableByGroups(groupIds: readonly string[], documentId: SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from document_groups dg where dg.document_id = ${documentId}
    and dg.group_id = any(${sql.param([...groupIds])}::uuid[]))`
}

/** Whether the viewer may read one document: admins read everything on review surfaces. */
export function documentReadableBy(viewer: Viewer, documentId: SQL): SQL<boolean> {
  if (seesEverything(viewer)) return sql<boolean>`true`
  return readableByGroups(viewer.groupIds, documentId)
}

/**
 * Ids of documents the groups may NOT read, as a uuid[] expression. Uncorrelated, so Postgres evaluates it
 * once per statement (an InitPlan), not once per row; restricted documents are few, so the array is small.
 */
export function hiddenDocumentIdsForGroups(groupIds: readonly string[]): SQL {
  return sql`array(select d.id from documents d where not ${readableByGroups(groupIds, sql.raw('d.id'))})`
}

/** Ids of documents the viewer may not read (none for an admin). */
export function hiddenDocumentIds(viewer: Viewer): SQL {
  if (seesEverything(viewer)) return sql`'{}'::uuid[]`
  return hiddenDocumentIdsForGroups(viewer.groupIds)
}

export type ReadableVersionsFilter = {
  groupIds: readonly string[]
  documentIds?: readonly string[]
  slugs?: readonly string[]
  tags?: readonly string[]
}

/**
 * What retrieval may search, as a SELECT body for a CTE: the CURRENT version of every non-deleted document
 * readable by the groups, optionally narrowed to ids, slugs or tags (any of the tags). Columns:
 * document_id, slug, title, version_id. Use it `with visible as not materialized (${...})` so the planner
 * pushes the rule into each use (docs/benchmarks.md).
 */
export function readableCurrentVersions(filter: ReadableVersionsFilter): SQL {
  // sql.param binds a JS array as ONE Postgres array parameter (a bare array would expand to a list).
  const list = (values: readonly string[] | undefined) => sql.param(values?.length ? [...values] : null)
  const ids = list(filter.documentIds)
  const slugs = list(filter.slugs)
  const tags = list(filter.tags)
  // applicability rides along for retrieval's profile filter (queries/retrieval.ts); it is not access.
  return sql`select d.id as document_id, d.slug, d.title, d.current_version_id as version_id,
      d.applicability
    from documents d
    where d.deleted_at is null and d.current_version_id is not null
      and ${readableByGroups(filter.groupIds, sql.raw('d.id'))}
      and (${ids}::uuid[] is null or d.id = any(${ids}::uuid[]))
      and (${slugs}::text[] is null or d.slug = any(${slugs}::text[]))
      and (${tags}::text[] is null or d.tags && ${tags}::text[])`
}
