import { z } from 'zod'
import { defineJob } from './define-job'

/**
 * Delete conversations and answer traces older than RETENTION_DAYS. Created by a BullMQ job scheduler
 * with a fixed id, so however many workers run, one schedule exists per deployment (per Redis), and each
 * run is one job taken by one worker.
 */
export const retentionJob = defineJob({
  name: 'retention',
  queue: 'maintenance',
  payload: z.object({}),
  jobId: () => 'retention',
})

/** The scheduler's id: upserting it again (every worker start) replaces it instead of adding another. */
export const RETENTION_SCHEDULER_ID = 'retention'
