import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import { outerId, type ReviewViewer, traceVisibleTo } from '../access'
import type { DbOrTx } from '../client'
import { answerTraces, type ReviewVerdict, reviews, type TraceCitation } from '../schema'
import { validationFailedSql } from './answer-log'
import { recordAudit } from './audit'

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

/** The notes of reviews whose notes start with `prefix` (synthetic reviews mark themselves this way). */
export async function reviewNotesStartingWith(db: DbOrTx, prefix: string): Promise<string[]> {
  const rows = await db
    .select({ notes: reviews.notes })
    .from(reviews)
    .where(sql`${reviews.notes} like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
  return rows.flatMap((r) => (r.notes === null ? [] : [r.notes]))
}

/**
 * Stores a review as the operator's tooling writes it (`finetune seed-reviews`): no viewer, no audit row;
 * the web and its analysts go through `saveReview`.
 */
export async function insertOperatorReview(
  db: DbOrTx,
  input: Omit<typeof reviews.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<void> {
  await db.insert(reviews).values(input)
}

/** Queue order: thumbs-down first, then validation failures, then abstentions, then the rest. */
export const queueBuckets = ['thumbs-down', 'validation-failed', 'abstained', 'sample'] as const
export type QueueBucket = (typeof queueBuckets)[number]

/**
 * A position in the queue: the bucket and a sort key within it. In the first three buckets the oldest
 * answer comes first (nothing waits forever) and the key is "createdAt,id" (microsecond timestamp); the
 * rest is a deterministic random sample ordered by md5(id), the same order for every analyst.
 */
export type QueuePosition = { bucket: number; key: string }
export type QueueItem = { traceId: string; bucket: QueueBucket; position: QueuePosition }

const ratedDown = sql`exists (select 1 from feedback f where f.trace_id = ${outerId} and f.rating = 'down')`
const unreviewed = sql`not exists (select 1 from reviews r where r.trace_id = ${outerId})`
/** The same expression as the index `answer_traces_sample_order_idx`. */
const sampleKey = sql<string>`md5(${answerTraces.id}::text)`
const timeKey = sql<string>`to_char(${answerTraces.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ',' || ${answerTraces.id}::text`

/** Membership of each bucket; the buckets do not overlap (abstentions never fail validation). */
function bucketCondition(bucket: number): SQL {
  if (bucket === 0) return ratedDown
  if (bucket === 1) return sql`not ${ratedDown} and ${validationFailedSql}`
  if (bucket === 2) return sql`not ${ratedDown} and ${answerTraces.abstained}`
  return sql`not ${ratedDown} and not ${answerTraces.abstained} and not ${validationFailedSql}`
}

/** The first unreviewed trace of one bucket after (or, backwards, before) a key. */
async function firstInBucket(
  db: DbOrTx,
  viewer: ReviewViewer,
  bucket: number,
  after: string | undefined,
  backwards: boolean,
): Promise<QueueItem | null> {
  const conditions = [bucketCondition(bucket), unreviewed, traceVisibleTo(viewer)]
  const op = backwards ? sql`<` : sql`>`
  if (bucket === 3) {
    if (after) conditions.push(sql`${sampleKey} ${op} ${after}`)
  } else if (after) {
    const [ts, id] = after.split(',')
    conditions.push(
      sql`(${answerTraces.createdAt}, ${answerTraces.id}) ${op} (${ts}::timestamptz, ${id}::uuid)`,
    )
  }
  const order =
    bucket === 3
      ? [backwards ? sql`${sampleKey} desc` : sampleKey]
      : backwards
        ? [desc(answerTraces.createdAt), desc(answerTraces.id)]
        : [asc(answerTraces.createdAt), asc(answerTraces.id)]
  const [row] = await db
    .select({ traceId: answerTraces.id, key: bucket === 3 ? sampleKey : timeKey })
    .from(answerTraces)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(1)
  if (!row) return null
  return {
    traceId: row.traceId,
    bucket: queueBuckets[bucket] ?? 'sample',
    position: { bucket, key: row.key },
  }
}

/**
 * The next (or previous) unreviewed answer after a position; from the start without one. One small
 * index-driven query per bucket visited (at most four), never a sort of the whole log.
 */
export async function nextInQueue(
  db: DbOrTx,
  viewer: ReviewViewer,
  options: { after?: QueuePosition; direction?: 'next' | 'previous' } = {},
): Promise<QueueItem | null> {
  const backwards = options.direction === 'previous'
  const from = options.after?.bucket ?? 0
  if (backwards && !options.after) return null
  for (let b = from; backwards ? b >= 0 : b <= 3; b += backwards ? -1 : 1) {
    const item = await firstInBucket(db, viewer, b, b === from ? options.after?.key : undefined, backwards)
    if (item) return item
  }
  return null
}

/** The queue position of one trace, or null when it is reviewed or hidden. */
export async function queuePositionOf(
  db: DbOrTx,
  viewer: ReviewViewer,
  traceId: string,
): Promise<QueueItem | null> {
  for (let b = 0; b <= 3; b++) {
    const [row] = await db
      .select({ key: b === 3 ? sampleKey : timeKey })
      .from(answerTraces)
      .where(and(eq(answerTraces.id, traceId), bucketCondition(b), unreviewed, traceVisibleTo(viewer)))
    if (row) return { traceId, bucket: queueBuckets[b] ?? 'sample', position: { bucket: b, key: row.key } }
  }
  return null
}

export type QueueCounts = { counts: Record<QueueBucket, number>; capped: Record<QueueBucket, boolean> }

/** How many unreviewed answers wait in each bucket, each counted up to `cap`. */
export async function queueCounts(db: DbOrTx, viewer: ReviewViewer, cap = 5000): Promise<QueueCounts> {
  const result: QueueCounts = {
    counts: { 'thumbs-down': 0, 'validation-failed': 0, abstained: 0, sample: 0 },
    capped: { 'thumbs-down': false, 'validation-failed': false, abstained: false, sample: false },
  }
  for (const [b, bucket] of queueBuckets.entries()) {
    const inner = db
      .select({ one: sql`1` })
      .from(answerTraces)
      .where(and(bucketCondition(b), unreviewed, traceVisibleTo(viewer)))
      .limit(cap + 1)
      .as('waiting')
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner)
    const n = row?.n ?? 0
    result.counts[bucket] = Math.min(n, cap)
    result.capped[bucket] = n > cap
  }
  return result
}
