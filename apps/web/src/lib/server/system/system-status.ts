import 'server-only'
import {
  databaseSizeBytes,
  type FailedVersionRow,
  listFailedVersions,
  listWorkerHeartbeats,
  type MigrationStatus,
  migrationStatus,
  type schema,
  type VectorIndexStatus,
  vectorIndexStatus,
  versionStatusCounts,
  type WorkerHeartbeatRow,
} from '@policydesk/db'
import { type QueueOverview, readQueueOverview } from '@policydesk/jobs'
import { errorMessage } from '@policydesk/runtime'
import { ingestQueue } from '@/lib/server/admin/ingest-queue'
import { getDb } from '@/lib/server/db'
import { getInferenceDeps } from '@/lib/server/inference'
import { withTimeout } from '@/lib/shared/with-timeout'

export type QueueSection =
  | { mode: 'redis'; overview: QueueOverview }
  | { mode: 'redis-unreachable'; error: string }
  | { mode: 'inline' }

/** Everything the admin System page shows. Counts, errors and titles only: no document text, no questions. */
export type SystemStatus = {
  queue: QueueSection
  versions: Record<schema.VersionStatus, number>
  failedVersions: FailedVersionRow[]
  workers: WorkerHeartbeatRow[]
  /** The most recent reconciler pass of any worker (inline mode has no reconciler). */
  lastReconcile: { at: Date; requeued: number | null; workerId: string } | null
  database: { sizeBytes: number; migrations: MigrationStatus }
  vectors: { activeModel: string; models: VectorIndexStatus[] }
}

export async function readSystemStatus(): Promise<SystemStatus> {
  const db = getDb()
  const [queue, versions, failedVersions, workers, sizeBytes, migrations, models] = await Promise.all([
    readQueue(),
    versionStatusCounts(db),
    listFailedVersions(db),
    listWorkerHeartbeats(db),
    databaseSizeBytes(db),
    migrationStatus(db),
    vectorIndexStatus(db),
  ])
  const reconciled = workers
    .filter((w) => w.lastReconcileAt !== null)
    .sort((a, b) => (b.lastReconcileAt?.getTime() ?? 0) - (a.lastReconcileAt?.getTime() ?? 0))[0]
  return {
    queue,
    versions,
    failedVersions,
    workers,
    lastReconcile:
      reconciled?.lastReconcileAt != null
        ? {
            at: reconciled.lastReconcileAt,
            requeued: reconciled.lastReconcileRequeued,
            workerId: reconciled.id,
          }
        : null,
    database: { sizeBytes, migrations },
    vectors: { activeModel: getInferenceDeps().embedder.model, models },
  }
}

/** Redis being down must not break the page: the rest of it is what an admin needs to see then. */
async function readQueue(): Promise<QueueSection> {
  const queue = ingestQueue()
  if (!queue) return { mode: 'inline' }
  try {
    return { mode: 'redis', overview: await withTimeout(readQueueOverview(queue), 3_000, 'Redis') }
  } catch (error) {
    return { mode: 'redis-unreachable', error: errorMessage(error) }
  }
}
