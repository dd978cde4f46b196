import type { Database } from '@policydesk/db'
import { createEmbeddingProvider, type EmbeddingProvider, readIngestEnv } from '@policydesk/ingest'
import {
  connectionFromUrl,
  ingestJob,
  ingestJobOptions,
  ingestWorkerOptions,
  JobProducer,
} from '@policydesk/jobs'
import { errorMessage, type Logger } from '@policydesk/runtime'
import { Worker } from 'bullmq'
import { createIngestProcessor } from './ingest-processor'
import { processQueuedVersions } from './inline-runner'
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
  const deps = { db: options.db, embedder, maxBytes: readIngestEnv().INGEST_MAX_MB * 1024 * 1024 }
  const onError = (error: unknown) => options.log.error(errorMessage(error))

  if (!options.redisUrl) {
    const stop = every(
      Math.min(options.reconcileIntervalMs, 1_000),
      () => processQueuedVersions(deps, options.log),
      onError,
    )
    return { mode: 'inline', close: stop }
  }

  const worker = new Worker(ingestJob.queue, createIngestProcessor(deps), {
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
  const stopReconciler = every(
    options.reconcileIntervalMs,
    () => reconcileOnce(options.db, producer, options.reconcileStaleMs, options.log),
    onError,
  )
  return {
    mode: 'queue',
    close: async () => {
      await stopReconciler()
      await worker.close()
      await producer.close()
    },
  }
}
