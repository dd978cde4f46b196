/**
 * Errors that mean "the database is not there right now" (down, restarting, unreachable), as opposed to a
 * bad query. Callers turn them into a clear 503 instead of a generic failure. drizzle wraps driver errors
 * (`cause`), so the whole chain is inspected.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
])
const MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout expired',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
]

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (!(current instanceof Error)) return false
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code)) return true
      // 08xxx connection exceptions; 57P01-03 admin shutdown, crash shutdown, cannot connect now.
      if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true
    }
    if (MESSAGES.some((m) => current instanceof Error && current.message.includes(m))) return true
    current = current.cause
  }
  return false
}
