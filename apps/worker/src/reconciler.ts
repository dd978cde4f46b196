import { type Database, findStaleVersions, updateVersionProgress } from '@policydesk/db'
import type { ingestJob, JobProducer } from '@policydesk/jobs'
import type { Logger } from '@policydesk/runtime'

/**
 * Makes sure an accepted upload is never lost: versions left `queued` or `processing` too long (a crash,
 * or Redis was down when the upload was stored) get their job enqueued again. A job that still exists in
 * BullMQ (waiting, active, delayed) is left alone; a finished one is removed first, since BullMQ ignores
 * an `add` with the id of a job it still remembers. Re-enqueueing cannot loop on a file that kills its
 * worker: each processing start is counted on the version row, and after INGEST_MAX_ATTEMPTS stopped
 * attempts the version is failed as a poison job (claimVersionAttempt) and no longer looks stale.
 */
export async function reconcileOnce(
  db: Database,
  producer: JobProducer<typeof ingestJob.payload>,
  staleMs: number,
  log: Logger,
): Promise<number> {
  const stale = await findStaleVersions(db, staleMs)
  let requeued = 0
  for (const version of stale) {
    const jobId = `ingest-${version.id}`
    const job = await producer.raw.getJob(jobId)
    const state = job ? await job.getState() : 'missing'
    if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized') continue
    if (job) await job.remove().catch(() => {})
    await producer.enqueue({ versionId: version.id })
    // Touch the row so the next pass does not enqueue it again before the worker gets to it.
    await updateVersionProgress(db, version.id, { status: 'queued', stage: 'queued', progress: 0 })
    requeued++
  }
  if (requeued > 0) log.info(`reconciler re-enqueued ${requeued} version(s)`)
  return requeued
}

/** Runs `task` every `intervalMs` (never overlapping) until the returned stop function is called. */
export function every(intervalMs: number, task: () => Promise<unknown>, onError: (error: unknown) => void) {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = task()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs)
      })
  }
  tick()
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
