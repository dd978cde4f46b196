import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm'
import {
  documentReadableBy,
  hiddenDocumentsAmong,
  outerId,
  type ReviewViewer,
  redactCandidates,
  traceVisibleTo,
  type VisibleCandidate,
} from '../access'
import type { DbOrTx } from '../client'
import {
  answerTraces,
  documents,
  type ReviewVerdict,
  type TraceCitation,
  type TraceLatency,
  type TraceToolCall,
  type TraceValidation,
} from '../schema'

export type FeedbackFilter = 'up' | 'down' | 'none'
export type ReviewStatusFilter = 'unreviewed' | 'reviewed' | ReviewVerdict

/** Filters of the answers log; every field optional, all combined with AND. */
export type AnswerLogFilters = {
  /** Inclusive lower bound on createdAt. */
  from?: Date
  /** Exclusive upper bound on createdAt. */
  to?: Date
  feedback?: FeedbackFilter
  abstained?: boolean
  validationFailed?: boolean
  /** Top fused retrieval score strictly below this value (traces without candidates never match). */
  topScoreBelow?: number
  /** The asker belonged to (could read) this group when asking. */
  groupId?: string
  /** The answer cites this document. */
  documentId?: string
  model?: string
  review?: ReviewStatusFilter
  /** Full-text search over questions (websearch syntax: words, "phrases", -exclusions, or). */
  search?: string
}

/**
 * A generated answer failed validation: an invalid citation number, or a claim sentence its cited passage
 * does not support. Abstentions are reported separately (they fail `valid` by construction).
 */
export const validationFailedSql = sql<boolean>`(not ${answerTraces.abstained} and (
  jsonb_array_length(${answerTraces.validation}->'invalidCitations') > 0
  or ${answerTraces.validation}->'sentences' @> '[{"claim": true, "supported": false}]'::jsonb))`

/** The same expression the GIN index `answer_traces_question_fts_idx` is built on. */
export const questionTsvSql = sql`to_tsvector('english'::regconfig, ${answerTraces.question})`

/**
 * Outer columns for subqueries in a SELECT list, written out: drizzle renders the columns of a
 * single-table select unqualified there, and `f.trace_id = "id"` would silently compare with the
 * subquery's own id. (WHERE clauses are rendered qualified.)
 */
const outerUserId = sql.raw('"answer_traces"."user_id"')
const ratingOf = sql<'up' | 'down' | null>`(select f.rating from feedback f where f.trace_id = ${outerId})`
const verdictOf = sql<ReviewVerdict | null>`(select r.verdict from reviews r where r.trace_id = ${outerId})`
const userEmailOf = sql<string | null>`(select u.email from users u where u.id = ${outerUserId})`
const userNameOf = sql<string | null>`(select u.name from users u where u.id = ${outerUserId})`

/**
 * WHERE conditions for the filters plus the viewer's permission rule, all on answer_traces alone:
 * feedback and review filters are EXISTS probes (unique index on trace_id), so the planner can walk an
 * index on created_at and stop after one page instead of joining the whole log first.
 */
export function answerLogConditions(viewer: ReviewViewer, f: AnswerLogFilters): SQL[] {
  const c: SQL[] = [traceVisibleTo(viewer)]
  if (f.from) c.push(gte(answerTraces.createdAt, f.from))
  if (f.to) c.push(lt(answerTraces.createdAt, f.to))
  if (f.feedback === 'none') c.push(sql`not exists (select 1 from feedback f where f.trace_id = ${outerId})`)
  else if (f.feedback)
    c.push(sql`exists (select 1 from feedback f where f.trace_id = ${outerId} and f.rating = ${f.feedback})`)
  if (f.abstained !== undefined)
    c.push(f.abstained ? sql`${answerTraces.abstained}` : sql`not ${answerTraces.abstained}`)
  if (f.validationFailed !== undefined)
    c.push(f.validationFailed ? validationFailedSql : sql`not ${validationFailedSql}`)
  if (f.topScoreBelow !== undefined) c.push(lt(answerTraces.topScore, f.topScoreBelow))
  if (f.groupId) c.push(sql`${answerTraces.groupIds} @> array[${f.groupId}]::uuid[]`)
  if (f.documentId)
    c.push(sql`${answerTraces.citations} @> ${JSON.stringify([{ documentId: f.documentId }])}::jsonb`)
  if (f.model) c.push(eq(answerTraces.model, f.model))
  if (f.review === 'unreviewed')
    c.push(sql`not exists (select 1 from reviews r where r.trace_id = ${outerId})`)
  else if (f.review === 'reviewed')
    c.push(sql`exists (select 1 from reviews r where r.trace_id = ${outerId})`)
  else if (f.review)
    c.push(sql`exists (select 1 from reviews r where r.trace_id = ${outerId} and r.verdict = ${f.review})`)
  const search = f.search?.trim()
  if (search) c.push(sql`${questionTsvSql} @@ websearch_to_tsquery('english'::regconfig, ${search})`)
  return c
}

/** Position in the newest-first log: microsecond timestamp (as text, JS Dates only keep ms) and id. */
export type LogCursor = { createdAt: string; id: string }
export type LogPageRequest = { cursor?: LogCursor; direction?: 'older' | 'newer'; limit?: number }

export type AnswerLogRow = {
  id: string
  createdAt: Date
  question: string
  answerPreview: string
  abstained: boolean
  cached: boolean
  model: string
  topScore: number | null
  totalMs: number
  validationFailed: boolean
  unsupportedClaims: number
  invalidCitations: number
  citedTitles: string[]
  rating: 'up' | 'down' | null
  verdict: ReviewVerdict | null
  userEmail: string | null
  userName: string | null
  cursor: LogCursor
}

export type AnswerLogPage = {
  rows: AnswerLogRow[]
  /** Cursor of the last row when older rows exist. */
  older: LogCursor | null
  /** Cursor of the first row when newer rows exist. */
  newer: LogCursor | null
}

const cursorTs = sql<string>`to_char(${answerTraces.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** One page of the answers log, newest first, keyset-paginated on (createdAt, id). */
export async function listAnswerLog(
  db: DbOrTx,
  viewer: ReviewViewer,
  filters: AnswerLogFilters,
  page: LogPageRequest = {},
): Promise<AnswerLogPage> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 200)
  const newer = page.direction === 'newer' && page.cursor !== undefined
  const conditions = answerLogConditions(viewer, filters)
  if (page.cursor) {
    const key = sql`(${page.cursor.createdAt}::timestamptz, ${page.cursor.id}::uuid)`
    conditions.push(sql`(${answerTraces.createdAt}, ${answerTraces.id}) ${newer ? sql`>` : sql`<`} ${key}`)
  }
  const rows = await db
    .select({
      id: answerTraces.id,
      createdAt: answerTraces.createdAt,
      cursorTs,
      question: answerTraces.question,
      answerPreview: sql<string>`left(${answerTraces.answer}, 280)`,
      abstained: answerTraces.abstained,
      cached: answerTraces.cached,
      model: answerTraces.model,
      topScore: answerTraces.topScore,
      totalMs: answerTraces.totalMs,
      validationFailed: validationFailedSql,
      unsupportedClaims: sql<number>`(select count(*)::int from jsonb_array_elements(${answerTraces.validation}->'sentences') s
        where (s->>'claim')::boolean and not (s->>'supported')::boolean)`,
      invalidCitations: sql<number>`jsonb_array_length(${answerTraces.validation}->'invalidCitations')`,
      citedTitles: sql<
        string[]
      >`array(select distinct c->>'title' from jsonb_array_elements(${answerTraces.citations}) c)`,
      rating: ratingOf,
      verdict: verdictOf,
      userEmail: userEmailOf,
      userName: userNameOf,
    })
    .from(answerTraces)
    .where(and(...conditions))
    .orderBy(
      ...(newer
        ? [asc(answerTraces.createdAt), asc(answerTraces.id)]
        : [desc(answerTraces.createdAt), desc(answerTraces.id)]),
    )
    .limit(limit + 1)
  const more = rows.length > limit
  const pageRows = rows.slice(0, limit).map(({ cursorTs: ts, ...row }) => ({
    ...row,
    topScore: row.topScore === null ? null : Number(row.topScore),
    cursor: { createdAt: ts, id: row.id },
  }))
  if (newer) pageRows.reverse()
  const first = pageRows[0]
  const last = pageRows[pageRows.length - 1]
  return {
    rows: pageRows,
    older: last && (newer || more) ? last.cursor : null,
    newer: first && (newer ? more : page.cursor !== undefined) ? first.cursor : null,
  }
}

/** How many traces match, counting at most `cap` (an exact count over 100k rows is not worth its cost). */
export async function countAnswerLog(
  db: DbOrTx,
  viewer: ReviewViewer,
  filters: AnswerLogFilters,
  cap = 10_000,
): Promise<{ count: number; capped: boolean }> {
  const inner = db
    .select({ one: sql`1` })
    .from(answerTraces)
    .where(and(...answerLogConditions(viewer, filters)))
    .limit(cap + 1)
    .as('matching')
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner)
  const n = row?.n ?? 0
  return { count: Math.min(n, cap), capped: n > cap }
}

/** A full trace as exported (JSONL); candidates redacted exactly as in the detail view. */
export type ExportedTrace = {
  id: string
  createdAt: Date
  userEmail: string | null
  conversationId: string | null
  question: string
  rewrittenQuery: string
  answer: string
  abstained: boolean
  cached: boolean
  candidates: VisibleCandidate[]
  citations: TraceCitation[]
  validation: TraceValidation
  versionIds: string[]
  promptVersion: string
  model: string
  embeddingModel: string
  tokensIn: number
  tokensOut: number
  costUsd: number
  latencyMs: TraceLatency
  ttftMs: number | null
  totalMs: number
  topScore: number | null
  /** Tool calls with their arguments and results (search passages included: the trace is visible only to
   * viewers who may read every document it used, and tool passages count as used). */
  toolCalls: TraceToolCall[]
  feedback: { rating: 'up' | 'down'; reason: string | null; comment: string | null } | null
  review: {
    verdict: ReviewVerdict
    labels: string[]
    notes: string | null
    correctedAnswer: string | null
  } | null
}

/**
 * Every matching trace, newest first, in batches (keyset, so memory stays flat however large the log):
 * the export streams these out as they arrive.
 */
export async function* exportAnswerLog(
  db: DbOrTx,
  viewer: ReviewViewer,
  filters: AnswerLogFilters,
  batchSize = 500,
): AsyncGenerator<ExportedTrace[]> {
  let cursor: LogCursor | undefined
  for (;;) {
    const conditions = answerLogConditions(viewer, filters)
    if (cursor)
      conditions.push(
        sql`(${answerTraces.createdAt}, ${answerTraces.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`,
      )
    const rows = await db
      .select({
        trace: answerTraces,
        cursorTs,
        userEmail: userEmailOf,
        feedback: sql<
          ExportedTrace['feedback']
        >`(select json_build_object('rating', f.rating, 'reason', f.reason,
          'comment', f.comment) from feedback f where f.trace_id = ${outerId})`,
        review: sql<
          ExportedTrace['review']
        >`(select json_build_object('verdict', r.verdict, 'labels', r.labels,
          'notes', r.notes, 'correctedAnswer', r.corrected_answer) from reviews r where r.trace_id = ${outerId})`,
      })
      .from(answerTraces)
      .where(and(...conditions))
      .orderBy(desc(answerTraces.createdAt), desc(answerTraces.id))
      .limit(batchSize)
    if (rows.length === 0) return
    const hidden = await hiddenDocumentsAmong(
      db,
      viewer,
      rows.flatMap((r) => r.trace.candidates.map((c) => c.documentId)),
    )
    yield rows.map((r) => {
      const { userId: _userId, groupIds: _groupIds, candidates, ...t } = r.trace
      return {
        ...t,
        candidates: redactCandidates(candidates, hidden),
        costUsd: Number(t.costUsd),
        topScore: t.topScore === null ? null : Number(t.topScore),
        userEmail: r.userEmail,
        feedback: r.feedback,
        review: r.review,
      }
    })
    const last = rows[rows.length - 1]
    if (!last || rows.length < batchSize) return
    cursor = { createdAt: last.cursorTs, id: last.trace.id }
  }
}

/** Distinct models seen in the log (a filter's options); a skip scan over the (model, createdAt) index. */
export async function listLoggedModels(db: DbOrTx): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive m(model) as (
      (select model from answer_traces order by model limit 1)
      union all
      select (select t.model from answer_traces t where t.model > m.model order by t.model limit 1)
      from m where m.model is not null)
    select model from m where model is not null`)
  return (result.rows as { model: string }[]).map((r) => r.model)
}

/** Documents the viewer may read (the "document cited" filter's options), by title. */
export async function listReviewableDocuments(
  db: DbOrTx,
  viewer: ReviewViewer,
): Promise<{ id: string; title: string; deleted: boolean }[]> {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      deleted: sql<boolean>`${documents.deletedAt} is not null`,
    })
    .from(documents)
    .where(documentReadableBy(viewer, sql`${documents.id}`))
    .orderBy(asc(documents.title))
}
