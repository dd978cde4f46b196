import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One row per running worker process, refreshed every few seconds: readiness checks and the admin System
 * page read it to tell whether anything consumes uploads. In the database rather than Redis because
 * inline mode (no Redis) has workers too. Rows of workers gone for a day are deleted by the next beat.
 */
export const workerHeartbeats = pgTable(
  'worker_heartbeats',
  {
    /** host:pid:start time, unique per process even when pids are reused. */
    id: text().primaryKey(),
    host: text().notNull(),
    pid: integer().notNull(),
    /** 'queue' (BullMQ consumer) or 'inline' (polls the database). */
    mode: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    /** When this worker's reconciler last finished a pass, and how many versions it re-enqueued. */
    lastReconcileAt: timestamp({ withTimezone: true }),
    lastReconcileRequeued: integer(),
  },
  (t) => [index().on(t.lastSeenAt)],
)
