import { createDb } from '@policydesk/db'
import { acquireDatabase } from '@policydesk/db/embedded'
import { acquireRedis } from '@policydesk/jobs'
import {
  dbPoolConnections,
  readObservabilityEnv,
  setMetricsService,
  setupTracing,
  startMetricsServer,
  traceQueries,
  tracingConfigured,
} from '@policydesk/observability'
import { createLogger, errorMessage } from '@policydesk/runtime'
import { readWorkerEnv } from './env'
import { startIngestWorker } from './ingest-worker'
import { startRetention } from './retention-worker'
import { startWebhookDelivery } from './webhook-worker'

const log = createLogger('worker')

async function main() {
  const env = readWorkerEnv()
  const observability = readObservabilityEnv()
  setMetricsService('worker')
  // Spans are worth recording here only when they leave the process.
  const tracing = tracingConfigured() ? setupTracing({ service: 'policydesk-worker' }) : null
  // The worker never owns local services: it joins the database and Redis the launcher (or ops) runs.
  const database = await acquireDatabase({ start: false })
  const redis = await acquireRedis({ start: false })
  const handle = createDb(database.url)
  // A span per SQL statement under the job's stage spans (a no-op unless tracing is on).
  traceQueries(handle.pool)
  dbPoolConnections(() => ({
    total: handle.pool.totalCount,
    idle: handle.pool.idleCount,
    waiting: handle.pool.waitingCount,
  }))
  const metrics =
    observability.METRICS_PORT !== undefined
      ? await startMetricsServer({
          port: observability.METRICS_PORT,
          host: observability.METRICS_HOST,
          token: observability.METRICS_TOKEN,
        })
      : null
  if (metrics)
    log.info('metrics served', { url: `http://${observability.METRICS_HOST}:${metrics.port}/metrics` })
  const worker = startIngestWorker({
    db: handle.db,
    redisUrl: redis.url,
    log,
    reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
    reconcileStaleMs: env.RECONCILE_STALE_MS,
    lockDurationMs: env.INGEST_LOCK_DURATION_MS,
  })
  const retention = await startRetention({
    db: handle.db,
    redisUrl: redis.url,
    log,
    settings: {
      days: env.RETENTION_DAYS,
      keepReviewed: env.RETENTION_KEEP_REVIEWED,
      schedule: { pattern: env.RETENTION_SCHEDULE },
    },
  })
  const webhooks = startWebhookDelivery({ db: handle.db, log, intervalMs: env.WEBHOOK_POLL_MS })
  log.info(
    worker.mode === 'queue'
      ? 'ingest worker consuming the BullMQ queue'
      : 'no Redis: ingest runs inline (polling the database)',
  )

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info(`${signal}: finishing the current job, then exiting`)
    await worker.close()
    await retention.close()
    await webhooks.close()
    await metrics?.close()
    await tracing?.shutdown()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((error) => {
  log.error(errorMessage(error))
  process.exit(1)
})
