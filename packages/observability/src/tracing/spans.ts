import { type Attributes, SpanStatusCode, trace } from '@opentelemetry/api'

const tracer = () => trace.getTracer('policydesk')

/**
 * Runs `work` inside a span named `name`: errors are recorded on it and rethrown. Without a registered
 * provider this is OpenTelemetry's no-op span, so instrumented code costs next to nothing when tracing is
 * off.
 */
export function withSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work()
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error))
      span.setStatus({ code: SpanStatusCode.ERROR })
      throw error
    } finally {
      span.end()
    }
  })
}

/** Adds attributes to the active span (a no-op without one). */
export function setSpanAttributes(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes)
}

export type PastStage = { name: string; ms: number; attributes?: Attributes }

/**
 * Child spans of the active span for stages that already ran back to back, laid out from their measured
 * durations starting at `startedAt` (epoch ms). Used where a package reports timings (ingest, the answer
 * pipeline) rather than threading a tracer through its internals.
 */
export function recordPastSpans(startedAt: number, stages: PastStage[]): void {
  let at = startedAt
  for (const stage of stages) {
    const span = tracer().startSpan(stage.name, { startTime: at, attributes: stage.attributes })
    at += stage.ms
    span.end(at)
  }
}
