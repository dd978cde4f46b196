import { sql } from 'drizzle-orm'
import { earlierTurnVersionIds, readableCurrentVersions, traceReadableByGroups } from '../access'
import type { DbOrTx } from '../client'
import type { TraceCandidate, TraceCitation } from '../schema'

/**
 * What the training side (fine-tuning datasets, the ranker) reads: reviewed answers, the passages they
 * quote, distractor passages. Datasets are bounded by the EXPORTING analyst's groups, with the rule of the
 * review area (`traceReadableByGroups`): one unreadable document excludes the whole answer.
 */

/** A reviewed answer as the dataset builder reads it: the review joined to its trace. */
export type ReviewedTrace = {
  reviewId: string
  traceId: string
  verdict: 'approved' | 'corrected'
  question: string
  rewrittenQuery: string
  answer: string
  abstained: boolean
  promptVersion: string
  candidates: TraceCandidate[]
  citations: TraceCitation[]
  correctedAnswer: string | null
  correctedCitations: TraceCitation[] | null
  labels: string[]
  reviewedAt: Date
  /** Versions the turn its rewritten question quotes drew on (see `earlierTurnVersionIds`). */
  earlierTurnVersionIds: string[]
}

export type ReviewFilter = {
  verdicts: ('approved' | 'corrected' | 'rejected')[]
  since?: Date
  /** The exporting analyst's readable groups. */
  groupIds: string[]
}

function reviewWhere(filter: ReviewFilter) {
  const verdicts = sql.param(filter.verdicts)
  const since = sql.param(filter.since ? filter.since.toISOString() : null)
  return sql`r.verdict::text = any(${verdicts}::text[])
    and (${since}::timestamptz is null or r.updated_at >= ${since}::timestamptz)`
}

type TraceRow = {
  review_id: string
  trace_id: string
  verdict: 'approved' | 'corrected'
  question: string
  rewritten_query: string
  answer: string
  abstained: boolean
  prompt_version: string
  candidates: TraceCandidate[]
  citations: TraceCitation[]
  corrected_answer: string | null
  corrected_citations: TraceCitation[] | null
  labels: string[]
  updated_at: Date | string
  earlier_turn_version_ids: string[]
}

/** Reviews matching the filter whose answers the groups may read in full, oldest first. */
export async function loadReviewedTraces(
  db: DbOrTx,
  filter: ReviewFilter,
): Promise<{ traces: ReviewedTrace[]; excludedByAcl: number }> {
  const where = reviewWhere(filter)
  const readable = traceReadableByGroups(filter.groupIds, 't')
  const result = await db.execute(sql`
    select r.id as review_id, t.id as trace_id, r.verdict::text as verdict, t.question, t.rewritten_query,
      t.answer, t.abstained, t.prompt_version, t.candidates, t.citations, r.corrected_answer,
      r.corrected_citations, r.labels, r.updated_at, ${earlierTurnVersionIds('t')} as earlier_turn_version_ids
    from reviews r join answer_traces t on t.id = r.trace_id
    where ${where} and ${readable}
    order by r.updated_at, r.id`)
  const excluded = await db.execute(sql`
    select count(*)::int as n from reviews r join answer_traces t on t.id = r.trace_id
    where ${where} and not ${traceReadableByGroups(filter.groupIds, 't')}`)
  const traces = (result.rows as TraceRow[]).map((row) => ({
    reviewId: row.review_id,
    traceId: row.trace_id,
    verdict: row.verdict,
    question: row.question,
    rewrittenQuery: row.rewritten_query,
    answer: row.answer,
    abstained: row.abstained,
    promptVersion: row.prompt_version,
    candidates: Array.isArray(row.candidates) ? row.candidates : [],
    citations: Array.isArray(row.citations) ? row.citations : [],
    correctedAnswer: row.corrected_answer,
    correctedCitations: Array.isArray(row.corrected_citations) ? row.corrected_citations : null,
    labels: row.labels,
    reviewedAt: new Date(row.updated_at),
    earlierTurnVersionIds: row.earlier_turn_version_ids,
  }))
  return { traces, excludedByAcl: Number((excluded.rows[0] as { n: number } | undefined)?.n ?? 0) }
}

/** A stored passage with what the prompt renders about it. */
export type ChunkRow = {
  chunkId: string
  documentId: string
  documentSlug: string
  versionId: string
  title: string
  headingPath: string[]
  text: string
  pageStart: number | null
  pageEnd: number | null
  tokenCount: number
  charStart: number
  documentDeleted: boolean
  effectiveDate: string | null
}

type ChunkDbRow = {
  chunk_id: string
  document_id: string
  slug: string
  version_id: string
  title: string
  heading_path: string[]
  text: string
  page_start: number | null
  page_end: number | null
  token_count: number
  char_start: number
  deleted: boolean
  effective_date: string | Date | null
}

const isoDate = (value: string | Date | null) =>
  value === null
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10)

/**
 * Passages by id (any version, deleted documents flagged); purged passages are simply absent. No access
 * check: callers pass ids of answers already filtered by `traceReadableByGroups` (or run as the operator).
 */
export async function loadChunks(db: DbOrTx, chunkIds: string[]): Promise<Map<string, ChunkRow>> {
  const map = new Map<string, ChunkRow>()
  if (chunkIds.length === 0) return map
  const result = await db.execute(sql`
    select c.id as chunk_id, d.id as document_id, d.slug, c.version_id, d.title, c.heading_path, c.text,
      c.page_start, c.page_end, c.token_count, c.char_start, d.deleted_at is not null as deleted,
      v.effective_date
    from chunks c
    join document_versions v on v.id = c.version_id
    join documents d on d.id = v.document_id
    where c.id = any(${sql.param([...new Set(chunkIds)])}::uuid[])`)
  for (const row of result.rows as ChunkDbRow[]) {
    map.set(row.chunk_id, {
      chunkId: row.chunk_id,
      documentId: row.document_id,
      documentSlug: row.slug,
      versionId: row.version_id,
      title: row.title,
      headingPath: row.heading_path,
      text: row.text,
      pageStart: row.page_start,
      pageEnd: row.page_end,
      tokenCount: row.token_count,
      charStart: row.char_start,
      documentDeleted: row.deleted,
      effectiveDate: isoDate(row.effective_date),
    })
  }
  return map
}

/** Ids of current passages the groups may read, with their document: the pool distractors come from. */
export async function loadDistractorPool(
  db: DbOrTx,
  groupIds: string[],
): Promise<{ chunkId: string; documentId: string }[]> {
  const result = await db.execute(sql`
    with visible as not materialized (${readableCurrentVersions({ groupIds })})
    select c.id as chunk_id, v.document_id
    from chunks c join visible v on v.version_id = c.version_id
    order by c.id`)
  return (result.rows as { chunk_id: string; document_id: string }[]).map((r) => ({
    chunkId: r.chunk_id,
    documentId: r.document_id,
  }))
}

/** Names of everyone in the users table: scrubbed from datasets. */
export async function loadUserNames(db: DbOrTx): Promise<string[]> {
  const result = await db.execute(sql`select name from users`)
  return (result.rows as { name: string }[]).map((r) => r.name)
}
