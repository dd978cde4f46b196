import { type SQL, sql } from 'drizzle-orm'
import { hiddenDocumentIdsForGroups } from './documents'
import { seesEverything, type Viewer } from './viewer'

/**
 * How a rule names the answer_traces row it judges: the table itself (default) or an alias of a
 * hand-written FROM. Columns are always spelled out qualified: drizzle renders the columns of a
 * single-table SELECT list unqualified, and inside a correlated subquery a bare "id" would bind to the
 * subquery's own table.
 */
export type TraceRef = 'answer_traces' | (string & {})

const column = (ref: TraceRef, name: string) => sql.raw(`"${ref}"."${name}"`)

/** answer_traces.id of the outer row, for correlated subqueries (feedback, reviews, users). */
export const outerId = column('answer_traces', 'id')

/**
 * The documents an answer drew on are all outside `hidden`: the passages it USED as context (the
 * versions in version_ids), the passages it CITED, and the passages a review's CORRECTION cites (a
 * corrected answer quotes them). Corrections are few: their trace ids come from one uncorrelated InitPlan.
 */
function drawsOnNone(ref: TraceRef, hidden: SQL): SQL<boolean> {
  return sql<boolean>`(not (${column(ref, 'version_ids')} && array(select v.id from document_versions v where v.document_id = any(${hidden})))
    and not (jsonb_path_query_array(${column(ref, 'citations')}, '$[*].documentId') ?| (${hidden})::text[])
    and not (${column(ref, 'id')} = any(array(select r.trace_id from reviews r where r.corrected_citations is not null
      and jsonb_path_query_array(r.corrected_citations, '$[*].documentId') ?| (${hidden})::text[]))))`
}

/** Whether the trace's question was rewritten with its conversation's previous question. */
const rewritten = (ref: TraceRef) =>
  sql<boolean>`(${column(ref, 'rewritten_query')} <> ${column(ref, 'question')} and ${column(ref, 'conversation_id')} is not null)`

/** FROM … LIMIT 1 of the previous turn's trace: the conversation's trace just before `ref` (conversation_id index). */
const previousTurn = (ref: TraceRef) => sql`answer_traces previous_turn
  where previous_turn.conversation_id = ${column(ref, 'conversation_id')} and previous_turn.created_at < ${column(ref, 'created_at')}
  order by previous_turn.created_at desc, previous_turn.id desc limit 1`

/**
 * A follow-up's rewritten question quotes the previous question of its conversation ("What do L3
 * engineers earn: and in Lisbon?"), so it reveals that turn: the previous turn must draw on nothing
 * hidden either. Only rewritten traces pay for the lookup.
 */
function rewriteRevealsNone(ref: TraceRef, hidden: SQL): SQL<boolean> {
  return sql<boolean>`(not ${rewritten(ref)}
    or coalesce((select ${drawsOnNone('previous_turn', hidden)} from ${previousTurn(ref)}), true))`
}

/**
 * The document versions the previous turn of a REWRITTEN trace drew on (used, cited, correction-cited;
 * empty otherwise): a dataset quoting the rewritten question stores them among its versions, so
 * `datasetVisibleTo` covers that turn too.
 */
export function earlierTurnVersionIds(ref: TraceRef = 'answer_traces'): SQL<string[]> {
  return sql<string[]>`(case when ${rewritten(ref)} then coalesce((select array(
      select unnest(previous_turn.version_ids)
      union select (c->>'versionId')::uuid from jsonb_array_elements(previous_turn.citations) c
      union select (c->>'versionId')::uuid from reviews r, jsonb_array_elements(coalesce(r.corrected_citations, '[]'::jsonb)) c
        where r.trace_id = previous_turn.id)
    from ${previousTurn(ref)}), '{}'::uuid[]) else '{}'::uuid[] end)`
}

/**
 * Whether the answer's own sources (used, cited, correction-cited documents) are all readable by the
 * groups: what the ASKER may still read of their own answer after an access change.
 */
export function traceSourcesReadableBy(groupIds: readonly string[], ref: TraceRef = 'answer_traces') {
  return drawsOnNone(ref, hiddenDocumentIdsForGroups(groupIds))
}

/**
 * Whether everything a trace shows — question, rewritten question, answer, correction — comes from
 * documents the groups may read. Whole answers or nothing: an answer built on a passage the reader may not
 * read cannot be judged without it, and its question, rewrite or answer text may quote it. Retrieved but
 * unused candidates of hidden documents are redacted instead (`redactCandidates`).
 */
export function traceReadableByGroups(groupIds: readonly string[], ref: TraceRef = 'answer_traces') {
  const hidden = hiddenDocumentIdsForGroups(groupIds)
  return sql<boolean>`(${drawsOnNone(ref, hidden)} and ${rewriteRevealsNone(ref, hidden)})`
}

/**
 * The rule for every review surface (log, detail, queue, dashboards, feedback list, export, saving a
 * review): admins see every trace, anyone else what `traceReadableByGroups` allows. Feedback rows and
 * reviews follow their trace.
 */
export function traceVisibleTo(viewer: Viewer, ref: TraceRef = 'answer_traces'): SQL<boolean> {
  if (seesEverything(viewer)) return sql<boolean>`true`
  return traceReadableByGroups(viewer.groupIds, ref)
}
