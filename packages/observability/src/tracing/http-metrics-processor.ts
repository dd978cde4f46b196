import type { Context } from '@opentelemetry/api'
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-node'
import { createLogger } from '@policydesk/runtime'
import { httpRequestDuration } from '../metrics/definitions'
import { forgetRequestFields, requestFieldsOf } from './request-fields'

const log = createLogger('http')
/** The span Next.js opens around each request (next/dist/server/lib/trace/constants). */
const NEXT_REQUEST_SPAN = 'BaseServer.handleRequest'

/**
 * Turns the span Next.js opens for every request into an HTTP duration observation (route pattern,
 * method, status) and one access log line, without wrapping any route handler. Next sets the route
 * pattern (`/api/documents/[id]`), never the raw URL, so label cardinality stays bounded.
 */
export class HttpMetricsSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes
    if (attributes['next.span_type'] !== NEXT_REQUEST_SPAN) return
    const route = String(attributes['next.route'] ?? attributes['http.route'] ?? 'unmatched')
    const method = String(attributes['http.method'] ?? attributes['http.request.method'] ?? 'GET')
    const status = String(attributes['http.status_code'] ?? attributes['http.response.status_code'] ?? 0)
    const seconds = span.duration[0] + span.duration[1] / 1e9
    httpRequestDuration().observe({ route, method, status }, seconds)
    const { traceId } = span.spanContext()
    // Static assets and Next internals are not worth a line each.
    if (!route.startsWith('/_next')) {
      const level = Number(status) >= 500 ? 'error' : 'info'
      log[level]('request', {
        method,
        route,
        status: Number(status),
        durationMs: Math.round(seconds * 1000),
        traceId,
        ...requestFieldsOf(traceId),
      })
    }
    forgetRequestFields(traceId)
  }

  forceFlush(): Promise<void> {
    return Promise.resolve()
  }

  shutdown(): Promise<void> {
    return Promise.resolve()
  }
}
