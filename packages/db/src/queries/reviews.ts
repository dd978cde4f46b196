import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { answerTraces, type ReviewVerdict, reviews, type TraceCitation } from '../schema'
import { validationFailedSql } from './answer-log'
import { recordAudit } from './audit'
import { type ReviewViewer, traceVisibleTo } from './review-access'

export type ReviewInput = {
  traceId: string
  reviewerId: string
  verdict: ReviewVerdict
  /** Required for `corrected`, ignored otherwise. */
  correctedAnswer?: string | null
  correctedCitations?: TraceCitation[] | null
  labels: string[]
  notes?: string | null
}

export type StoredReview = typeof reviews.$inferSelect

/**
 * Records (or replaces) the review of an answer the viewer may see, attributed to the reviewer, with an
 * audit_log row in the same transaction. Returns null (and writes nothing) for an unknown or hidden trace.
 */
export async function saveReview(
  db: DbOrTx,
  viewer: ReviewViewer,
  input: ReviewInput,
): Promise<StoredReview | null> {
  const corrected = input.verdict === 'corrected'
  if (corrected && !input.correctedAnswer?.trim())
    throw new Error('A corrected review needs the corrected answer')
  return db.transaction(async (tx) => {
    const [trace] = await tx
      .select({ id: answerTraces.id, previous: reviews.verdict })
      .from(answerTraces)
      .leftJoin(reviews, eq(reviews.traceId, answerTraces.id))
      .where(and(eq(answerTraces.id, input.traceId), traceVisibleTo(viewer)))
    if (!trace) return null
    const values = {
      reviewerId: input.reviewerId,
      verdict: input.verdict,
      correctedAnswer: corrected ? (input.correctedAnswer?.trim() ?? null) : null,
      correctedCitations: corrected ? (input.correctedCitations ?? []) : null,
      labels: [...new Set(input.labels)],
      notes: input.notes?.trim() || null,
    }
    const [row] = await tx
      .insert(reviews)
      .values({ traceId: input.traceId, ...values })
      .onConflictDoUpdate({ target: reviews.traceId, set: { ...values, updatedAt: new Date() } })
      .returning()
    if (!row) throw new Error('Could not store the review')
    await recordAudit(tx, {
      actorId: input.reviewerId,
      action: 'review.saved',
      targetType: 'answer_trace',
      targetId: input.traceId,
      details: { verdict: row.verdict, previousVerdict: trace.previous, labels: row.labels },
    })
    return row
  })
}

/** Queue order: thumbs-down first, then validation failures, then abstentions, then the rest. */
export const queueBuckets = ['thumbs-down', 'validation-failed', 'abstained', 'sample'] as const
export type QueueBucket = (typeof queueBuckets)[number]

/**
 * A position in the queue. Within the first three buckets the oldest answer comes first (nothing waits
 * forever); the rest is a deterministic random sample (md5 of the id), the same order for every analyst.
 */
export type QueuePosition = { bucket: number; key: string }
export type QueueItem = { traceId: string; bucket: QueueBucket; position: QueuePosition }

const bucketSql = sql<number>`case
  when exists (select 1 from feedback f where f.trace_id = ${answerTraces.id} and f.rating = 'down') then 0
  when ${validationFailedSql} then 1
  when ${answerTraces.abstained} then 2
  else 3 end`

/** Unreviewed traces the viewer may see, with their queue position. */
function queueSubquery(db: DbOrTx, viewer: ReviewViewer) {
  return db
    .select({
      traceId: sql<string>`${answerTraces.id}`.as('trace_id'),
      createdAt: sql<Date>`${answerTraces.createdAt}`.as('created_at'),
      bucket: bucketSql.as('bucket'),
    })
    .from(answerTraces)
    .where(
      and(
        sql`not exists (select 1 from reviews r where r.trace_id = ${answerTraces.id})`,
        traceVisibleTo(viewer),
      ),
    )
    .as('q')
}

const keySql = sql<string>`case when q.bucket < 3
  then to_char(q.created_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || q.trace_id::text
  else md5(q.trace_id::text) end`

/** The next (or previous) unreviewed answer after a position; from the start without one. */
export async function nextInQueue(
  db: DbOrTx,
  viewer: ReviewViewer,
  options: { after?: QueuePosition; direction?: 'next' | 'previous' } = {},
): Promise<QueueItem | null> {
  const previous = options.direction === 'previous'
  const q = queueSubquery(db, viewer)
  const where = options.after
    ? sql`(q.bucket, ${keySql}) ${previous ? sql`<` : sql`>`} (${options.after.bucket}::int, ${options.after.key}::text)`
    : sql`true`
  const [row] = await db
    .select({ traceId: q.traceId, bucket: q.bucket, key: keySql })
    .from(q)
    .where(where)
    .orderBy(...(previous ? [sql`q.bucket desc`, sql`${keySql} desc`] : [sql`q.bucket`, keySql]))
    .limit(1)
  if (!row) return null
  const bucket = queueBuckets[row.bucket] ?? 'sample'
  return { traceId: row.traceId, bucket, position: { bucket: row.bucket, key: row.key } }
}

/** The queue position of one trace (to continue after it), or null when it is reviewed or hidden. */
export async function queuePositionOf(
  db: DbOrTx,
  viewer: ReviewViewer,
  traceId: string,
): Promise<QueueItem | null> {
  const q = queueSubquery(db, viewer)
  const [row] = await db
    .select({ traceId: q.traceId, bucket: q.bucket, key: keySql })
    .from(q)
    .where(sql`q.trace_id = ${traceId}::uuid`)
  if (!row) return null
  return {
    traceId: row.traceId,
    bucket: queueBuckets[row.bucket] ?? 'sample',
    position: { bucket: row.bucket, key: row.key },
  }
}

/** How many unreviewed answers wait in each bucket. */
export async function queueCounts(db: DbOrTx, viewer: ReviewViewer): Promise<Record<QueueBucket, number>> {
  const q = queueSubquery(db, viewer)
  const rows = await db.select({ bucket: q.bucket, n: sql<number>`count(*)::int` }).from(q).groupBy(q.bucket)
  const counts: Record<QueueBucket, number> = {
    'thumbs-down': 0,
    'validation-failed': 0,
    abstained: 0,
    sample: 0,
  }
  for (const r of rows) counts[queueBuckets[r.bucket] ?? 'sample'] += r.n
  return counts
}
