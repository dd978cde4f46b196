import { and, desc, eq } from 'drizzle-orm'
import { traceVisibleTo, type Viewer } from '../access'
import type { DbOrTx } from '../client'
import { answerTraces, feedback } from '../schema'

export type FeedbackInput = {
  traceId: string
  userId: string
  rating: 'up' | 'down'
  reason?: string | null
  comment?: string | null
}

export type StoredFeedback = typeof feedback.$inferSelect

/**
 * One rating per answer: a second vote replaces the first. Only the user who got the answer may rate it;
 * for anyone else (or an unknown trace) this returns null and writes nothing.
 */
export async function upsertFeedback(db: DbOrTx, input: FeedbackInput): Promise<StoredFeedback | null> {
  const [trace] = await db
    .select({ id: answerTraces.id })
    .from(answerTraces)
    .where(and(eq(answerTraces.id, input.traceId), eq(answerTraces.userId, input.userId)))
  if (!trace) return null
  const values = {
    rating: input.rating,
    reason: input.reason ?? null,
    comment: input.comment ?? null,
  }
  const [row] = await db
    .insert(feedback)
    .values({ traceId: input.traceId, userId: input.userId, ...values })
    .onConflictDoUpdate({ target: feedback.traceId, set: { ...values, userId: input.userId } })
    .returning()
  return row ?? null
}

export async function getFeedbackForTrace(db: DbOrTx, traceId: string): Promise<StoredFeedback | null> {
  const [row] = await db.select().from(feedback).where(eq(feedback.traceId, traceId))
  return row ?? null
}

export type FeedbackListRow = {
  id: string
  traceId: string
  rating: 'up' | 'down'
  reason: string | null
  comment: string | null
  question: string
  answer: string
  abstained: boolean
  updatedAt: Date
}

/**
 * Latest ratings with the question and answer they judge, of answers the viewer may see (a rating follows
 * its answer's visibility): the analysts' review queue starts here.
 */
export async function listRecentFeedback(
  db: DbOrTx,
  viewer: Viewer,
  input: { limit?: number } = {},
): Promise<FeedbackListRow[]> {
  return db
    .select({
      id: feedback.id,
      traceId: feedback.traceId,
      rating: feedback.rating,
      reason: feedback.reason,
      comment: feedback.comment,
      question: answerTraces.question,
      answer: answerTraces.answer,
      abstained: answerTraces.abstained,
      updatedAt: feedback.updatedAt,
    })
    .from(feedback)
    .innerJoin(answerTraces, eq(answerTraces.id, feedback.traceId))
    .where(traceVisibleTo(viewer))
    .orderBy(desc(feedback.updatedAt))
    .limit(input.limit ?? 50)
}
