import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import type { ReviewVerdict, TraceCandidate, TraceCitation } from '../schema'

/**
 * What the ranker trains on: every review and every rating, whatever documents they touched. Operator
 * only (`policydesk finetune train-ranker`): the output is a weight file, never text shown to anyone.
 */

export type RankerReviewRow = {
  traceId: string
  question: string
  rewrittenQuery: string
  verdict: ReviewVerdict
  candidates: TraceCandidate[]
  citations: TraceCitation[]
  correctedCitations: TraceCitation[] | null
  labels: string[]
}

/** Every reviewed trace, oldest first. */
export async function loadRankerReviews(db: DbOrTx): Promise<RankerReviewRow[]> {
  const result = await db.execute(sql`
    select t.id as "traceId", t.question, t.rewritten_query as "rewrittenQuery", r.verdict::text as verdict,
      t.candidates, t.citations, r.corrected_citations as "correctedCitations", r.labels
    from reviews r join answer_traces t on t.id = r.trace_id
    order by t.created_at, t.id`)
  return (result.rows as RankerReviewRow[]).map((row) => ({
    ...row,
    correctedCitations: Array.isArray(row.correctedCitations) ? row.correctedCitations : null,
  }))
}

export type RatedCitationsRow = { question: string; rating: 'up' | 'down'; citations: TraceCitation[] }

/** Every rating with the question and citations of the answer it judges, oldest first. */
export async function loadRatedCitations(db: DbOrTx): Promise<RatedCitationsRow[]> {
  const result = await db.execute(sql`
    select t.question, f.rating::text as rating, t.citations
    from feedback f join answer_traces t on t.id = f.trace_id
    order by f.updated_at, f.id`)
  return result.rows as RatedCitationsRow[]
}
