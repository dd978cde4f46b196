import type { LogContext } from '@policydesk/runtime'

/**
 * Log fields learned during a request (the signed-in user), keyed by its trace id. Route handlers cannot
 * wrap their callers, so instead of a context object passed down, fields are filed under the trace the
 * framework already opened for the request; the HTTP span processor forgets them when that trace's root
 * span ends.
 */
const shared = globalThis as unknown as { policydeskRequestFields?: Map<string, LogContext> }
shared.policydeskRequestFields ??= new Map()
// On globalThis: Next may bundle this module once per entry point (instrumentation, each route).
const fields = shared.policydeskRequestFields
/** Bound: a request whose root span never ends must not leak forever. */
const MAX_ENTRIES = 10_000

export function fileRequestFields(traceId: string, extra: LogContext): void {
  if (!fields.has(traceId) && fields.size >= MAX_ENTRIES) {
    const oldest = fields.keys().next().value
    if (oldest !== undefined) fields.delete(oldest)
  }
  fields.set(traceId, { ...fields.get(traceId), ...extra })
}

export const requestFieldsOf = (traceId: string): LogContext | undefined => fields.get(traceId)

export function forgetRequestFields(traceId: string): void {
  fields.delete(traceId)
}
