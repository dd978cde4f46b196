import 'server-only'
import { listWorkerHeartbeats } from '@policydesk/db'
import { readQueueOverview } from '@policydesk/jobs'
import {
  dbPoolConnections,
  HttpMetricsSpanProcessor,
  queueJobs,
  setMetricsService,
  setupTracing,
  workerHeartbeatAge,
} from '@policydesk/observability'
import { ingestQueue } from '@/lib/server/admin/ingest-queue'
import { getDb, getDbPool } from '@/lib/server/db'
import { withTimeout } from '@/lib/shared/with-timeout'

const holder = globalThis as unknown as { policydeskObservability?: boolean }

/**
 * The web process's metrics and tracing, once. The tracer provider is registered even without an OTLP
 * endpoint: the span Next.js opens per request is where HTTP durations and access log lines come from,
 * and it gives every log line of a request its trace id. Spans leave the process only with
 * OTEL_EXPORTER_OTLP_ENDPOINT set.
 */
export function registerObservability(): void {
  if (holder.policydeskObservability) return
  holder.policydeskObservability = true
  setMetricsService('web')
  setupTracing({ service: 'policydesk-web', processors: [new HttpMetricsSpanProcessor()] })
  dbPoolConnections(() => {
    const pool = getDbPool()
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }
  })
  queueJobs(async (set) => {
    const queue = ingestQueue()
    if (!queue) return
    const { counts } = await withTimeout(readQueueOverview(queue, 1), 2_000, 'Redis').catch(() => ({
      counts: null,
    }))
    if (counts) for (const [state, value] of Object.entries(counts)) set(state, value)
  })
  workerHeartbeatAge(async () => {
    const rows = await withTimeout(listWorkerHeartbeats(getDb()), 2_000, 'heartbeats')
    return rows.length > 0 ? Math.min(...rows.map((r) => r.ageSeconds)) : null
  })
}
