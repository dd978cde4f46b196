import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { documentVersions, type IngestStage } from '../schema'

/**
 * Processing attempts, counted on the version row so they survive the worker: BullMQ forgets a job that
 * stalled too often and the reconciler enqueues a fresh one, so only the database can tell that a file
 * keeps killing its worker.
 *
 * An attempt starts with `claimVersionAttempt` (sets `attempt_started_at`) and ends with a result (ready,
 * failed) or `endVersionAttempt` (a transient error, retried by the queue). A start that finds the marker
 * still set knows the previous attempt never ended: the worker was killed, crashed or lost the job.
 */

export type AttemptClaim =
  /** Go ahead: this is attempt number `attempt`. */
  | { outcome: 'claimed'; attempt: number; stoppedAttempts: number }
  /** The version has now been stopped `stoppedAttempts` times: it was failed, do not process it. */
  | { outcome: 'poison'; stoppedAttempts: number; reason: string }
  /** Nothing to do: already ready, or failed (a failed version runs again only after an admin's retry). */
  | { outcome: 'finished'; status: 'ready' | 'failed'; error: string | null; chunkCount: number }
  | { outcome: 'missing' }

export async function claimVersionAttempt(
  db: DbOrTx,
  input: { versionId: string; maxStoppedAttempts: number; poisonReason: (stopped: number) => string },
): Promise<AttemptClaim> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: documentVersions.status,
        error: documentVersions.error,
        chunkCount: documentVersions.chunkCount,
        stoppedAttempts: documentVersions.stoppedAttempts,
        running: sql<boolean>`${documentVersions.attemptStartedAt} is not null`,
      })
      .from(documentVersions)
      .where(eq(documentVersions.id, input.versionId))
      .for('update')
    if (!row) return { outcome: 'missing' }
    if (row.status === 'ready' || row.status === 'failed')
      return { outcome: 'finished', status: row.status, error: row.error, chunkCount: row.chunkCount }
    const stoppedAttempts = row.stoppedAttempts + (row.running ? 1 : 0)
    if (stoppedAttempts >= input.maxStoppedAttempts) {
      const reason = input.poisonReason(stoppedAttempts)
      await tx
        .update(documentVersions)
        .set({ ...failedColumns(reason), stoppedAttempts })
        .where(eq(documentVersions.id, input.versionId))
      return { outcome: 'poison', stoppedAttempts, reason }
    }
    const [claimed] = await tx
      .update(documentVersions)
      .set({
        status: 'processing',
        attempts: sql`${documentVersions.attempts} + 1`,
        stoppedAttempts,
        attemptStartedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(documentVersions.id, input.versionId))
      .returning({ attempts: documentVersions.attempts })
    return { outcome: 'claimed', attempt: claimed?.attempts ?? 1, stoppedAttempts }
  })
}

/** Stage progress of a running attempt; a version failed meanwhile (poison, timeout) is left as it is. */
export async function reportAttemptProgress(
  db: DbOrTx,
  versionId: string,
  update: { stage: IngestStage; progress: number },
): Promise<void> {
  await db
    .update(documentVersions)
    .set({ ...update, updatedAt: new Date() })
    .where(and(eq(documentVersions.id, versionId), eq(documentVersions.status, 'processing')))
}

/** The attempt ended without a result (an error the queue retries): it did not stop, it failed. */
export async function endVersionAttempt(db: DbOrTx, versionId: string): Promise<void> {
  await db
    .update(documentVersions)
    .set({ attemptStartedAt: null, updatedAt: new Date() })
    .where(eq(documentVersions.id, versionId))
}

/** Ends the version as failed with a reason people can act on; a pending access change is dropped with it. */
export async function failVersion(db: DbOrTx, versionId: string, reason: string): Promise<void> {
  await db.update(documentVersions).set(failedColumns(reason)).where(eq(documentVersions.id, versionId))
}

const failedColumns = (reason: string) => ({
  status: 'failed' as const,
  stage: 'failed' as const,
  progress: 100,
  error: reason,
  attemptStartedAt: null,
  pendingGroups: null,
  updatedAt: new Date(),
})
