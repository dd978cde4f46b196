import { type Database, purgeExpiredHistory } from '@policydesk/db'
import { applyRetentionSchedule, connectionFromUrl, retentionJob } from '@policydesk/jobs'
import { errorMessage, type Logger } from '@policydesk/runtime'
import { Worker } from 'bullmq'
import { every } from './reconciler'

export type RetentionSettings = {
  days: number | undefined
  keepReviewed: boolean
  /** Cron pattern (UTC), or an interval in ms (tests). */
  schedule: { pattern: string } | { every: number }
}

export type RetentionHandle = { close: () => Promise<void> }

/**
 * The retention job's consumer. With Redis the schedule is a BullMQ job scheduler (one per deployment,
 * whatever the number of workers); without Redis (one local process) a timer runs it instead. With
 * RETENTION_DAYS unset the schedule is removed and nothing is deleted.
 */
export async function startRetention(options: {
  db: Database
  redisUrl: string | null
  settings: RetentionSettings
  log: Logger
}): Promise<RetentionHandle> {
  const { days, keepReviewed } = options.settings
  const run = async () => {
    if (!days) return
    const result = await purgeExpiredHistory(options.db, { olderThanDays: days, keepReviewed })
    options.log.info('retention run', { ...result, cutoff: result.cutoff.toISOString(), days, keepReviewed })
  }
  if (!options.redisUrl) {
    if (!days) return { close: async () => {} }
    const stop = every(24 * 3600_000, run, (error) =>
      options.log.error('retention run failed', { error: errorMessage(error) }),
    )
    return { close: stop }
  }
  await applyRetentionSchedule(options.redisUrl, days ? options.settings.schedule : null)
  if (!days) return { close: async () => {} }
  const worker = new Worker(retentionJob.queue, run, {
    connection: connectionFromUrl(options.redisUrl),
    concurrency: 1,
  })
  worker.on('failed', (_job, error) =>
    options.log.error('retention run failed', { error: errorMessage(error) }),
  )
  worker.on('error', (error) => options.log.error('retention worker error', { error: errorMessage(error) }))
  return { close: () => worker.close() }
}
