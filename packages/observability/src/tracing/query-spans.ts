import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'

/** The part of a node-postgres client this module wraps (structural: no dependency on `pg` here). */
type QueryableClient = { query: (...args: never[]) => unknown }
/** The part of a node-postgres pool it listens to: every new physical connection. */
type ConnectingPool = { on(event: 'connect', listener: (client: QueryableClient) => void): unknown }

/** Statements are cut to this many characters: enough to recognise the query, bounded in size. */
export const MAX_STATEMENT_CHARS = 1_000

const instrumented = new WeakSet<object>()

function statementOf(first: unknown): string | null {
  if (typeof first === 'string') return first
  if (first && typeof first === 'object' && 'text' in first && typeof first.text === 'string')
    return first.text
  return null
}

/** The SQL verb as the span name (`db.select`, `db.insert`, `db.with`…), per OpenTelemetry's low-cardinality rule. */
const operationOf = (statement: string) => (/^\s*([a-z]+)/i.exec(statement)?.[1] ?? 'query').toLowerCase()

function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error))
    span.setStatus({ code: SpanStatusCode.ERROR })
  }
  span.end()
}

/**
 * One span per SQL statement, as a child of the active span (a question's request, an ingest job's stage).
 * Only the statement's text is recorded — never its parameters, which carry question text and document
 * content. A statement run with no active span (pool housekeeping, background timers) makes no span, so
 * nothing changes when tracing is off or a query is not part of a traced unit of work. Submittables
 * (cursors, COPY streams) pass through untouched.
 */
export function traceQueries(pool: ConnectingPool): void {
  pool.on('connect', (client) => {
    if (instrumented.has(client)) return
    instrumented.add(client)
    const original = client.query.bind(client) as (...args: unknown[]) => unknown
    const traced = (...args: unknown[]): unknown => {
      const statement = statementOf(args[0])
      const passThrough =
        statement === null ||
        (typeof args[0] === 'object' && args[0] !== null && 'submit' in args[0]) ||
        trace.getActiveSpan() === undefined
      if (passThrough) return original(...args)
      const span = trace.getTracer('policydesk').startSpan(`db.${operationOf(statement)}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          'db.query.text': statement.slice(0, MAX_STATEMENT_CHARS),
        },
      })
      // The pool's own query() calls the client with a callback: end the span when it is called.
      const callback = args.at(-1)
      if (typeof callback === 'function')
        args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
          endSpan(span, error ?? undefined)
          return callback(error, ...rest)
        }
      let result: unknown
      try {
        result = original(...args)
      } catch (error) {
        endSpan(span, error)
        throw error
      }
      if (typeof callback === 'function') return result
      if (result instanceof Promise)
        return result.then(
          (value: unknown) => {
            endSpan(span)
            return value
          },
          (error: unknown) => {
            endSpan(span, error)
            throw error
          },
        )
      endSpan(span)
      return result
    }
    Object.assign(client, { query: traced })
  })
}
