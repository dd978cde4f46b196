import { readIngestEnv } from './env'

/** How much of the worker one version may use before it is failed instead of tried again. */
export type ProcessingLimits = {
  /** Attempts that may stop without finishing (killed, crashed worker) before the version is a poison job. */
  maxAttempts: number
  /** Longest one processing attempt may take. */
  timeoutMs: number
}

export function processingLimits(env = readIngestEnv()): ProcessingLimits {
  return { maxAttempts: env.INGEST_MAX_ATTEMPTS, timeoutMs: env.INGEST_JOB_TIMEOUT_MS }
}

/** The reason a poison job's version shows: what happened and what to do about it. */
export function poisonReason(stopped: number, limits: ProcessingLimits): string {
  return (
    `Poison job: the worker stopped ${stopped} times while processing this file ` +
    `(limit INGEST_MAX_ATTEMPTS=${limits.maxAttempts}), so it is not queued again. ` +
    "Check the worker's log for a crash or running out of memory, then retry or upload a smaller file."
  )
}

/** The attempt ran past INGEST_JOB_TIMEOUT_MS: the version fails, nothing of the attempt is stored. */
export class ProcessingTimeout extends Error {
  override name = 'ProcessingTimeout'
  constructor(readonly timeoutMs: number) {
    super(
      `Processing took longer than ${formatDuration(timeoutMs)} (INGEST_JOB_TIMEOUT_MS) and was stopped; ` +
        'nothing was stored. Retry later (a slow embeddings service), or split the file.',
    )
  }
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`
  return `${Math.round(ms / 6_000) / 10} min`
}

/**
 * Waits for `work`, or rejects with the signal's reason as soon as it aborts. The work itself is not
 * cancelled (a parser cannot be interrupted), but the attempt stops waiting for it and stores nothing.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
