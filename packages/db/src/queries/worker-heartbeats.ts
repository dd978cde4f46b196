import { desc, eq, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { workerHeartbeats } from '../schema'

/** How often a worker refreshes its row. */
export const HEARTBEAT_INTERVAL_MS = 10_000
/** A worker not seen for this long is presumed gone (three missed beats). */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_INTERVAL_MS
/** Rows of workers gone this long are deleted: the System page shows recent history, not every restart. */
const FORGET_AFTER = '1 day'

export type WorkerIdentity = { id: string; host: string; pid: number; mode: string; startedAt: Date }

/** Upserts this worker's row (last seen = now) and forgets workers long gone. */
export async function recordHeartbeat(db: DbOrTx, worker: WorkerIdentity): Promise<void> {
  const now = new Date()
  await db
    .insert(workerHeartbeats)
    .values({ ...worker, lastSeenAt: now })
    .onConflictDoUpdate({ target: workerHeartbeats.id, set: { lastSeenAt: now, mode: worker.mode } })
  await db
    .delete(workerHeartbeats)
    .where(lt(workerHeartbeats.lastSeenAt, sql`now() - ${FORGET_AFTER}::interval`))
}

export async function recordReconcileRun(db: DbOrTx, workerId: string, requeued: number): Promise<void> {
  await db
    .update(workerHeartbeats)
    .set({ lastReconcileAt: new Date(), lastReconcileRequeued: requeued })
    .where(eq(workerHeartbeats.id, workerId))
}

/** A worker that stops cleanly says so at once instead of waiting to go stale. */
export async function removeHeartbeat(db: DbOrTx, workerId: string): Promise<void> {
  await db.delete(workerHeartbeats).where(eq(workerHeartbeats.id, workerId))
}

export type WorkerHeartbeatRow = typeof workerHeartbeats.$inferSelect & {
  /** Seconds since the last beat, measured by the database clock (no skew with the web server). */
  ageSeconds: number
  alive: boolean
}

export async function listWorkerHeartbeats(db: DbOrTx): Promise<WorkerHeartbeatRow[]> {
  const rows = await db
    .select({
      row: workerHeartbeats,
      ageSeconds: sql<number>`extract(epoch from now() - ${workerHeartbeats.lastSeenAt})::float8`,
    })
    .from(workerHeartbeats)
    .orderBy(desc(workerHeartbeats.lastSeenAt))
    .limit(50)
  return rows.map(({ row, ageSeconds }) => ({
    ...row,
    ageSeconds,
    alive: ageSeconds * 1000 <= HEARTBEAT_STALE_MS,
  }))
}
