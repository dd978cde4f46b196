import { Queue } from 'bullmq'
import { RETENTION_SCHEDULER_ID, retentionJob } from './definitions/retention'
import { connectionFromUrl } from './redis/connection'

/** `pattern`: a cron expression (UTC); `every`: milliseconds (tests). null: retention is off. */
export type RetentionSchedule = { pattern: string } | { every: number } | null

/**
 * Makes the deployment's retention schedule match this worker's settings: upserted when on, removed
 * when off. Idempotent, so every worker may call it at start; the last one started wins, which is why
 * all workers of a deployment should share the RETENTION_* settings.
 */
export async function applyRetentionSchedule(redisUrl: string, schedule: RetentionSchedule): Promise<void> {
  const queue = new Queue(retentionJob.queue, { connection: connectionFromUrl(redisUrl) })
  queue.on('error', () => {})
  try {
    if (!schedule) {
      await queue.removeJobScheduler(RETENTION_SCHEDULER_ID)
      return
    }
    await queue.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      'pattern' in schedule ? { pattern: schedule.pattern, tz: 'UTC' } : { every: schedule.every },
      {
        name: retentionJob.name,
        data: {},
        // A failed run is retried a few times; the next scheduled run catches up anyway.
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: 50,
          removeOnFail: 50,
        },
      },
    )
  } finally {
    await queue.close()
  }
}
