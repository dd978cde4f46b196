import { context, isSpanContextValid, propagation, trace } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node'
import { setTraceContextProvider } from '@policydesk/runtime'
import { readObservabilityEnv } from '../env'
import { fileRequestFields, requestFieldsOf } from './request-fields'

export type Tracing = {
  /** true when spans leave the process (an OTLP endpoint or a test exporter). */
  exporting: boolean
  shutdown: () => Promise<void>
}

/**
 * Registers the process-wide tracer provider. Spans are exported only when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set (or a test passes an exporter); `processors` lets the web app derive HTTP metrics from the spans
 * Next.js opens per request, which is why the web app registers a provider even without an endpoint.
 * Log lines then carry the active trace and span ids, so a log line leads to its trace.
 */
export function setupTracing(options: {
  service: string
  exporter?: SpanExporter
  processors?: SpanProcessor[]
}): Tracing {
  const env = readObservabilityEnv()
  const spanProcessors = [...(options.processors ?? [])]
  if (options.exporter) spanProcessors.push(new SimpleSpanProcessor(options.exporter))
  else if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT itself and appends /v1/traces.
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter()))
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? options.service }),
    spanProcessors,
  })
  provider.register()
  setTraceContextProvider(() => {
    const spanContext = trace.getActiveSpan()?.spanContext()
    if (!spanContext || !isSpanContextValid(spanContext)) return undefined
    return {
      traceId: spanContext.traceId,
      spanId: spanContext.spanId,
      ...requestFieldsOf(spanContext.traceId),
    }
  })
  return {
    exporting: Boolean(options.exporter || env.OTEL_EXPORTER_OTLP_ENDPOINT),
    shutdown: () => provider.shutdown(),
  }
}

/** Whether tracing should be set up at all in a process that has no other use for spans (the worker). */
export const tracingConfigured = () => Boolean(readObservabilityEnv().OTEL_EXPORTER_OTLP_ENDPOINT)

/**
 * Files fields (user id) under the current request's trace: every later log line of the request carries
 * them. Without an active trace, nothing happens.
 */
export function annotateRequest(fields: Record<string, string>): void {
  const span = trace.getActiveSpan()
  const spanContext = span?.spanContext()
  if (!span || !spanContext || !isSpanContextValid(spanContext)) return
  fileRequestFields(spanContext.traceId, fields)
  if (fields.userId) span.setAttribute('enduser.id', fields.userId)
}

/** W3C trace context of the active span, to carry in job data across Redis. */
export function traceCarrier(): Record<string, string> {
  const carrier: Record<string, string> = {}
  propagation.inject(context.active(), carrier)
  return carrier
}

/** Runs `work` as a continuation of the trace described by `carrier` (from job data). */
export function withTraceCarrier<T>(carrier: Record<string, string> | undefined, work: () => T): T {
  if (!carrier) return work()
  return context.with(propagation.extract(context.active(), carrier), work)
}
