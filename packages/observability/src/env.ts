import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const observabilityEnvSchema = z.object({
  /**
   * Bearer token for GET /metrics (web) and the worker's metrics port. Unset: the web app serves no
   * metrics (404); the worker's port, when open, needs no token (it is not published).
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The worker's metrics port. Unset: no metrics server in the worker. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface of the worker's metrics server: 0.0.0.0 in containers (scraped over the pod network). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** OTLP/HTTP collector base URL (e.g. http://otel-collector:4318). Unset: tracing off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
})

export type ObservabilityEnv = z.infer<typeof observabilityEnvSchema>

export function readObservabilityEnv(source: NodeJS.ProcessEnv = process.env): ObservabilityEnv {
  return parseEnv(observabilityEnvSchema, source)
}
