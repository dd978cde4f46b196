import { eq, lt } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { answerCache } from '../schema'

/**
 * Stored answers by cache key. The key (built by the answer pipeline) includes the reader's groups and the
 * corpus revision, so an entry never crosses a permission set nor outlives an access change.
 */

export async function readAnswerCache(db: DbOrTx, key: string): Promise<Record<string, unknown> | null> {
  const [row] = await db
    .select({ result: answerCache.result })
    .from(answerCache)
    .where(eq(answerCache.key, key))
  return row?.result ?? null
}

/** Stores an entry (first writer wins) and prunes entries of older revisions, which can never be hit again. */
export async function writeAnswerCache(
  db: DbOrTx,
  input: { key: string; revision: number; result: Record<string, unknown> },
): Promise<void> {
  await db.insert(answerCache).values(input).onConflictDoNothing()
  await db.delete(answerCache).where(lt(answerCache.revision, input.revision))
}
