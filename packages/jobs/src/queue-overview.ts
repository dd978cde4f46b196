import type { Queue } from 'bullmq'
import { ingestJob } from './definitions/ingest'

export const QUEUE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const
export type QueueState = (typeof QUEUE_STATES)[number]

export type FailedJob = {
  id: string
  name: string
  /** BullMQ's failedReason: the last error message. */
  reason: string
  attemptsMade: number
  failedAt: Date | null
  /** For ingest jobs with a valid payload: the version it was for (lets the UI offer a retry). */
  versionId: string | null
}

export type QueueOverview = {
  counts: Record<QueueState, number>
  /** Workers connected to the queue right now (BullMQ's own registry in Redis). */
  workers: number
  failed: FailedJob[]
}

/** Counts by state, connected workers and the most recent failed jobs of one queue. */
export async function readQueueOverview(queue: Queue, failedLimit = 20): Promise<QueueOverview> {
  const [raw, workers, failed] = await Promise.all([
    queue.getJobCounts(...QUEUE_STATES),
    queue.getWorkers(),
    queue.getFailed(0, failedLimit - 1),
  ])
  const counts = Object.fromEntries(QUEUE_STATES.map((s) => [s, raw[s] ?? 0])) as Record<QueueState, number>
  return {
    counts,
    workers: workers.length,
    failed: failed.map((job) => {
      const payload = ingestJob.payload.safeParse(job.data)
      return {
        id: job.id ?? '',
        name: job.name,
        reason: job.failedReason ?? '',
        attemptsMade: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        versionId: job.name === ingestJob.name && payload.success ? payload.data.versionId : null,
      }
    }),
  }
}
