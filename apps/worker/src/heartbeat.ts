import { hostname } from 'node:os'
import {
  type Database,
  HEARTBEAT_INTERVAL_MS,
  recordHeartbeat,
  recordReconcileRun,
  removeHeartbeat,
} from '@policydesk/db'
import { errorMessage, type Logger } from '@policydesk/runtime'
import { every } from './reconciler'

export type Heartbeat = {
  id: string
  /** Records a finished reconciler pass (shown on the admin System page). */
  reconciled: (requeued: number) => Promise<void>
  /** Stops beating and removes this worker's row: a clean stop is visible at once. */
  stop: () => Promise<void>
}

/**
 * Tells readiness checks and the System page that this worker is alive: its row in worker_heartbeats is
 * refreshed every HEARTBEAT_INTERVAL_MS. A failed beat (database restarting) is logged and retried on the
 * next tick; it never stops the worker.
 */
export function startHeartbeat(
  db: Database,
  mode: 'queue' | 'inline',
  log: Logger,
  intervalMs = HEARTBEAT_INTERVAL_MS,
): Heartbeat {
  const startedAt = new Date()
  const identity = {
    id: `${hostname()}:${process.pid}:${startedAt.getTime().toString(36)}`,
    host: hostname(),
    pid: process.pid,
    mode,
    startedAt,
  }
  const stopBeating = every(
    intervalMs,
    () => recordHeartbeat(db, identity),
    (error) => log.warn('heartbeat not recorded', { error: errorMessage(error) }),
  )
  return {
    id: identity.id,
    reconciled: (requeued) => recordReconcileRun(db, identity.id, requeued),
    stop: async () => {
      await stopBeating()
      await removeHeartbeat(db, identity.id).catch(() => {})
    },
  }
}
