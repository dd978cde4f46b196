/**
 * Progress bookkeeping at most once per `intervalMs`: the first report goes out at once (the version shows it
 * is being processed), later ones only when the interval has passed since the last write or when `force`d,
 * the rest are dropped (the next write, or the final `ready`/`failed`, supersedes them). Each write is a
 * statement on the shared database session and a Redis round trip; a small document used to make ~5.
 */
export function throttled<T>(
  write: (report: T) => Promise<void>,
  intervalMs: number,
  now: () => number = () => performance.now(),
): (report: T, force?: boolean) => Promise<boolean> {
  let last: number | null = null
  return async (report, force = false) => {
    const t = now()
    if (!force && last !== null && t - last < intervalMs) return false
    last = t
    await write(report)
    return true
  }
}
