import type { JobsOptions, WorkerOptions } from 'bullmq'

/** Producer-side defaults for every ingest job. */
export const ingestJobOptions: JobsOptions = {
  // Transient failures (database restart, provider 5xx) get five tries: 2 s, 4 s, 8 s, 16 s apart.
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Keep recent history for the admin UI and debugging, bounded so Redis does not grow forever.
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
}

/** Consumer-side settings for the ingest worker. */
export const ingestWorkerOptions: Pick<
  WorkerOptions,
  'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'
> = {
  // Parsing and embedding are CPU-bound in this process; two at a time keeps a 2-core box responsive.
  concurrency: 2,
  // A large PDF can take a while; the lock is renewed every lockDuration/2 while the job runs.
  lockDuration: 60_000,
  // A worker killed mid-job loses its lock; after this interval another worker picks the job up again.
  stalledInterval: 15_000,
  maxStalledCount: 3,
}
