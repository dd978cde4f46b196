/** How a supervised process is restarted: doubling delays, capped, forgotten after a healthy run. */
export type BackoffPolicy = {
  /** Delay before the first restart. */
  initialMs: number
  /** Longest delay between restarts, however often the process keeps failing. */
  maxMs: number
  /** A process that ran at least this long was healthy: its next crash starts again at `initialMs`. */
  resetAfterMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 }

/** Delay before restart number `failures` (1 = the first restart after a healthy run). */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1)
  // 2^30 already exceeds any sensible cap; bounding the exponent keeps the number finite.
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(exponent, 30))
}

/**
 * Counts consecutive failures for one supervised thing. `failed(ranForMs)` returns the delay to wait
 * before the next attempt.
 */
export class RestartBackoff {
  private failures = 0

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  failed(ranForMs: number): number {
    this.failures = ranForMs >= this.policy.resetAfterMs ? 1 : this.failures + 1
    return backoffDelay(this.failures, this.policy)
  }

  /** The number of consecutive failures so far. */
  get count(): number {
    return this.failures
  }
}
