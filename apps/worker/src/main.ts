import { createDb } from '@policydesk/db'
import { acquireDatabase } from '@policydesk/db/embedded'
import { acquireRedis } from '@policydesk/jobs'
import { createLogger, errorMessage } from '@policydesk/runtime'
import { readWorkerEnv } from './env'
import { startIngestWorker } from './ingest-worker'

const log = createLogger('worker')

async function main() {
  const env = readWorkerEnv()
  // The worker never owns local services: it joins the database and Redis the launcher (or ops) runs.
  const database = await acquireDatabase({ start: false })
  const redis = await acquireRedis({ start: false })
  const handle = createDb(database.url)
  const worker = startIngestWorker({
    db: handle.db,
    redisUrl: redis.url,
    log,
    reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
    reconcileStaleMs: env.RECONCILE_STALE_MS,
    lockDurationMs: env.INGEST_LOCK_DURATION_MS,
  })
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
