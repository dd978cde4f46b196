import { type SQL, sql } from 'drizzle-orm'
import { hiddenDocumentIds } from './documents'
import { traceVisibleTo } from './traces'
import { seesEverything, type Viewer } from './viewer'

const citationsOf = sql.raw('"curated_answers"."citations"')
const sourceTraceOf = sql.raw('"curated_answers"."source_trace_id"')

const citesNone = (hidden: SQL) =>
  sql<boolean>`not (jsonb_path_query_array(${citationsOf}, '$[*].documentId') ?| (${hidden})::text[])`

/*
 * Serving a curated answer to an asker is reading: queries/curated-answers.ts checks each cited passage
 * with `readableByGroups` (and that it is still current).
 */

/**
 * Whether a reviewer may see a curated answer in the review area: every cited document readable, and the
 * answer it was promoted from visible (its question is that trace's rewritten question, which may quote an
 * earlier turn). Admins see all.
 */
export function curatedVisibleTo(viewer: Viewer): SQL<boolean> {
  if (seesEverything(viewer)) return sql<boolean>`true`
  return sql<boolean>`(${citesNone(hiddenDocumentIds(viewer))} and (${sourceTraceOf} is null or exists (
    select 1 from answer_traces source where source.id = ${sourceTraceOf} and ${traceVisibleTo(viewer, 'source')})))`
}
