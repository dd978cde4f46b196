import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Fields every log line inside a unit of work carries (request id, user id, job id…), without passing a
 * logger around: the logger's mixin reads them from here. The store is mutable so that something learned
 * mid-request (the signed-in user) reaches the lines logged after it.
 */
export type LogContext = Record<string, string | number | boolean | null | undefined>

/**
 * Process-wide, on globalThis: a bundler (Next) may load this module once per entry point, and a provider
 * registered from one copy (instrumentation) must be seen by the others (route handlers).
 */
const shared = globalThis as unknown as {
  policydeskLogContext?: { storage: AsyncLocalStorage<LogContext>; trace?: () => LogContext | undefined }
}
shared.policydeskLogContext ??= { storage: new AsyncLocalStorage<LogContext>() }
const state = shared.policydeskLogContext
const storage = state.storage

export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work)
}

/** Adds fields to the current unit of work's context; outside one, does nothing. */
export function addLogContext(fields: LogContext): void {
  const store = storage.getStore()
  if (store) Object.assign(store, fields)
}

/** Tracing registers how to read the active trace and span ids, so log lines and traces can be joined. */
export function setTraceContextProvider(provider: () => LogContext | undefined): void {
  state.trace = provider
}

export function currentLogContext(): LogContext {
  return { ...state.trace?.(), ...storage.getStore() }
}
