export { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node'
