import type { Database } from '@policydesk/db'
import {
  createEmbeddingProvider,
  type EmbeddingProvider,
  processingLimits,
  readIngestEnv,
} from '@policydesk/ingest'
import {
  connectionFromUrl,
  ingestJob,
  ingestJobOptions,
  ingestWorkerOptions,
  JobProducer,
  readQueueOverview,
} from '@policydesk/jobs'
import { queueJobs, reconcilerRequeued, reconcilerRuns } from '@policydesk/observability'
import { errorMessage, type Logger } from '@policydesk/runtime'
import { Worker } from 'bullmq'
import { startHeartbeat } from './heartbeat'
import { createIngestProcessor } from './ingest-processor'
import { processQueuedVersions } from './inline-runner'
import { observeIngestJobs } from './job-observability'
import { every, reconcileOnce } from './reconciler'

export type IngestWorkerHandle = {
  mode: 'queue' | 'inline'
  /** Waits for the current job to finish, then stops (what SIGTERM does). */
  close: () => Promise<void>
}

export type IngestWorkerOptions = {
  db: Database
  redisUrl: string | null
  log: Logger
  reconcileIntervalMs: number
  reconcileStaleMs: number
  lockDurationMs?: number
  embedder?: EmbeddingProvider
}

/** Starts the ingest consumer: a BullMQ worker plus reconciler, or the inline poller without Redis. */
export function startIngestWorker(options: IngestWorkerOptions): IngestWorkerHandle {
  const embedder = options.embedder ?? createEmbeddingProvider()
  const env = readIngestEnv()
  // Limits come from the version row, not BullMQ: a job that kills its worker is counted across restarts.
  const deps = {
    db: options.db,
    embedder,
    maxBytes: env.INGEST_MAX_MB * 1024 * 1024,
    limits: processingLimits(env),
  }
  const onError = (error: unknown) => options.log.error(errorMessage(error))

  if (!options.redisUrl) {
    const heartbeat = startHeartbeat(options.db, 'inline', options.log)
    const stop = every(
      Math.min(options.reconcileIntervalMs, 1_000),
      () => processQueuedVersions(deps, options.log),
      onError,
    )
    return {
      mode: 'inline',
      close: async () => {
        await stop()
        await heartbeat.stop()
      },
    }
  }

  const worker = new Worker(ingestJob.queue, observeIngestJobs(createIngestProcessor(deps)), {
    connection: connectionFromUrl(options.redisUrl),
    ...ingestWorkerOptions,
    ...(options.lockDurationMs
      ? {
          lockDuration: options.lockDurationMs,
          stalledInterval: Math.min(ingestWorkerOptions.stalledInterval ?? 15_000, options.lockDurationMs),
        }
      : {}),
  })
  worker.on('failed', (job, error) => options.log.warn(`job ${job?.id} failed: ${error.message}`))
  worker.on('error', onError)
  const producer = new JobProducer(ingestJob, options.redisUrl, ingestJobOptions)
  const heartbeat = startHeartbeat(options.db, 'queue', options.log)
  queueJobs(async (set) => {
    const { counts } = await readQueueOverview(producer.raw, 1)
    for (const [state, value] of Object.entries(counts)) set(state, value)
  })
  const stopReconciler = every(
    options.reconcileIntervalMs,
    async () => {
      const requeued = await reconcileOnce(options.db, producer, options.reconcileStaleMs, options.log)
      reconcilerRuns().inc()
      reconcilerRequeued().inc(requeued)
      await heartbeat.reconciled(requeued)
    },
    onError,
  )
  return {
    mode: 'queue',
    close: async () => {
      await stopReconciler()
      await worker.close()
      await producer.close()
      await heartbeat.stop()
    },
  }
}
