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
})

export type WorkerEnv = z.infer<typeof workerEnvSchema>

export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, source)
}
