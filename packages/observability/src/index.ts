export { type ObservabilityEnv, readObservabilityEnv } from './env'
export * from './metrics/definitions'
export {
  type AnsweredQuestion,
  answerOutcome,
  type IngestStageTimings,
  recordAnswer,
  recordAnswerError,
  recordIngestJob,
} from './metrics/record'
export { metricsRegistry, setMetricsService } from './metrics/registry'
export { type MetricsServer, metricsAuthorized, renderMetrics, startMetricsServer } from './metrics/serve'
export { recordAnswerSpans } from './tracing/answer-spans'
export { HttpMetricsSpanProcessor } from './tracing/http-metrics-processor'
export { MAX_STATEMENT_CHARS, traceQueries } from './tracing/query-spans'
export {
  annotateRequest,
  setupTracing,
  type Tracing,
  traceCarrier,
  tracingConfigured,
  withTraceCarrier,
} from './tracing/setup'
export { type PastStage, recordPastSpans, setSpanAttributes, withSpan } from './tracing/spans'
