import { sql } from 'drizzle-orm'
import type { Database } from '../client'
import { recordAudit } from './audit'

/**
 * Deleting conversations and answer traces for good: the retention job (RETENTION_DAYS) and a user
 * erasing their own history. Reviews and feedback go with their trace (ON DELETE CASCADE), so review
 * queues, counts and dashboards, all computed from these tables, stay consistent with what is left.
 * Both write one audit entry with counts only.
 */

export type RetentionResult = {
  cutoff: Date
  traces: number
  messages: number
  conversations: number
  cacheEntries: number
  /** Old traces kept because an analyst reviewed them or promoted them to a curated answer. */
  keptReviewed: number
}

const count = (result: { rowCount: number | null }) => result.rowCount ?? 0

export async function purgeExpiredHistory(
  db: Database,
  options: { olderThanDays: number; keepReviewed: boolean; now?: Date },
): Promise<RetentionResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanDays * 86_400_000)
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`create temporary table if not exists retention_kept (id uuid primary key) on commit drop`,
    )
    if (options.keepReviewed)
      await tx.execute(sql`
        insert into retention_kept
        select t.id from answer_traces t
        where t.created_at < ${cutoff}
          and (exists (select 1 from reviews r where r.trace_id = t.id)
            or exists (select 1 from curated_answers c where c.source_trace_id = t.id))`)
    const kept = await tx.execute(sql`select count(*)::int as n from retention_kept`)
    const traces = await tx.execute(sql`
      delete from answer_traces t
      where t.created_at < ${cutoff} and not exists (select 1 from retention_kept k where k.id = t.id)`)
    // Old turns of conversations still in use go too; a turn whose answer is kept stays with it.
    const messages = await tx.execute(sql`
      delete from messages m
      where m.created_at < ${cutoff}
        and (m.trace_id is null or not exists (select 1 from retention_kept k where k.id = m.trace_id))`)
    const conversations = await tx.execute(sql`
      delete from conversations c
      where (c.updated_at < ${cutoff} or c.deleted_at < ${cutoff})
        and not exists (select 1 from messages m where m.conversation_id = c.id)`)
    const cache = await tx.execute(sql`delete from answer_cache where created_at < ${cutoff}`)
    const result: RetentionResult = {
      cutoff,
      traces: count(traces),
      messages: count(messages),
      conversations: count(conversations),
      cacheEntries: count(cache),
      keptReviewed: (kept.rows[0] as { n: number } | undefined)?.n ?? 0,
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'retention.purge',
      targetType: 'history',
      targetId: null,
      details: {
        ...result,
        cutoff: cutoff.toISOString(),
        days: options.olderThanDays,
        keepReviewed: options.keepReviewed,
      },
    })
    return result
  })
}

export type HistoryDeletion = { conversations: number; traces: number; cacheEntries: number }

/**
 * A user erases their own history for good: every conversation (soft-deleted ones too), every answer
 * trace of theirs with its feedback and reviews, and cached answers to their questions (a cache entry
 * keeps the question it was first asked with). Curated answers an analyst wrote stay, unlinked.
 */
export async function deleteUserHistory(db: Database, userId: string): Promise<HistoryDeletion> {
  return db.transaction(async (tx) => {
    const cache = await tx.execute(sql`
      delete from answer_cache
      where result->>'question' in (select question from answer_traces where user_id = ${userId})`)
    const traces = await tx.execute(sql`delete from answer_traces where user_id = ${userId}`)
    const conversations = await tx.execute(sql`delete from conversations where user_id = ${userId}`)
    const result = { conversations: count(conversations), traces: count(traces), cacheEntries: count(cache) }
    await recordAudit(tx, {
      actorId: userId,
      action: 'history.delete',
      targetType: 'user',
      targetId: userId,
      details: result,
    })
    return result
  })
}
