import { listWorkerHeartbeats } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { createLogger, sleep } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startIngestWorker } from './ingest-worker'

let db: TestDatabase
let redis: TestRedis

beforeAll(async () => {
  db = await startTestDatabase()
  redis = await startTestRedis()
})
afterAll(async () => {
  await redis?.stop()
  await db?.stop()
})

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await sleep(50)
  }
}

describe('worker heartbeat', () => {
  it.each(['queue', 'inline'] as const)(
    'a %s worker shows up alive, records reconciler passes, and disappears when it stops',
    async (mode) => {
      const worker = startIngestWorker({
        db: db.db,
        redisUrl: mode === 'queue' ? redis.url : null,
        log: createLogger('test'),
        reconcileIntervalMs: 200,
        reconcileStaleMs: 60_000,
      })
      const row = await until(async () =>
        (await listWorkerHeartbeats(db.db)).find((r) => r.pid === process.pid),
      )
      expect(row).toMatchObject({ mode, alive: true })
      if (mode === 'queue') {
        // The reconciler found nothing stale: a pass with 0 re-enqueued versions is still a pass.
        const reconciled = await until(async () =>
          (await listWorkerHeartbeats(db.db)).find((r) => r.lastReconcileAt !== null),
        )
        expect(reconciled.lastReconcileRequeued).toBe(0)
      }
      await worker.close()
      expect(await listWorkerHeartbeats(db.db)).toEqual([])
    },
  )
})
