import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const workerEnvSchema = z.object({
  /** How often the reconciler looks for accepted uploads that never finished. */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(200).default(30_000),
  /** A version queued or processing without progress for this long is re-enqueued. */
  RECONCILE_STALE_MS: z.coerce.number().int().min(0).default(120_000),
  /**
   * How long a job's lock lives without renewal. A worker killed mid-job (SIGKILL, OOM) is detected when
   * its lock expires, and the job runs again elsewhere; lower means faster recovery, more Redis traffic.
   */
  INGEST_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Delete conversations and answer traces older than this many days. Unset: keep everything. */
  RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  /** Keep old answers an analyst reviewed or promoted to a curated answer (and their conversation turn). */
  RETENTION_KEEP_REVIEWED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** How often the worker retries handoff webhooks whose backoff has elapsed (docs/api.md). */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(100).default(5_000),
  /** When the retention job runs: a cron expression in UTC (default daily at 03:17). */
  RETENTION_SCHEDULE: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'must be a five-field cron expression')
    .default('17 3 * * *'),
})

export type WorkerEnv = z.infer<typeof workerEnvSchema>

export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, source)
}
