import { type SQL, sql } from 'drizzle-orm'
import { answerTraces, type UserRole } from '../schema'

/**
 * answer_traces.id spelled out for correlated subqueries: drizzle renders the columns of a single-table
 * SELECT list unqualified, and `f.trace_id = "id"` would then compare with the subquery's own id.
 */
export const outerId = sql.raw('"answer_traces"."id"')

/** Who is looking at logged answers: admins see everything, analysts what their groups may read. */
export type ReviewViewer = { role: UserRole; groupIds: string[] }

const groupArray = (viewer: ReviewViewer) => sql`${sql.param(viewer.groupIds)}::uuid[]`

/**
 * Ids of documents the viewer may NOT read (no document_groups row in their groups). Uncorrelated, so
 * Postgres evaluates it once per statement (an InitPlan), not once per trace row.
 */
export function hiddenDocumentIds(viewer: ReviewViewer): SQL {
  return sql`array(select d.id from documents d where not exists (
    select 1 from document_groups dg where dg.document_id = d.id and dg.group_id = any(${groupArray(viewer)})))`
}

/**
 * The permission rule for the review area, enforced in SQL wherever traces are read (log, detail, queue,
 * dashboards, export): a non-admin sees a trace only when every document it USED as context or CITED is
 * readable by one of their groups. Traces that touched anything else are excluded, not redacted: an
 * answer built on a passage the analyst may not read cannot be judged without it, and the question or
 * answer text itself may quote it. Retrieved-but-unused candidates of hidden documents are redacted in
 * the detail view instead (see `getAnswerDetail`).
 *
 * Cost: two InitPlans (hidden documents, their versions) and an array overlap per row; hidden sets are
 * small (restricted documents), so this stays cheap at 100k traces (docs/benchmarks.md).
 */
export function traceVisibleTo(viewer: ReviewViewer): SQL {
  if (viewer.role === 'admin') return sql`true`
  const hidden = hiddenDocumentIds(viewer)
  return sql`(not (${answerTraces.versionIds} && array(select v.id from document_versions v where v.document_id = any(${hidden})))
    and not (jsonb_path_query_array(${answerTraces.citations}, '$[*].documentId') ?| (${hidden})::text[]))`
}

/** Whether the viewer may read one document, as a SQL boolean over a document id expression. */
export function documentReadableBy(viewer: ReviewViewer, documentId: SQL): SQL<boolean> {
  if (viewer.role === 'admin') return sql<boolean>`true`
  return sql<boolean>`exists (select 1 from document_groups dg where dg.document_id = ${documentId}
    and dg.group_id = any(${groupArray(viewer)}))`
}
