import { getVersion, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { submitDocumentVersion } from '@policydesk/ingest'
import { ingestJob, ingestJobOptions, JobProducer } from '@policydesk/jobs'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { sleep } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bigPolicy } from './testing/big-policy'
import { spawnWorker, type WorkerProcess } from './testing/spawn-worker'

let db: TestDatabase
let redis: TestRedis
const workers: WorkerProcess[] = []

// Two stopped attempts make a poison job; a killed worker's job is picked up again after 3 s.
const workerEnv = () => ({
  DATABASE_URL: db.url,
  REDIS_URL: redis.url,
  INGEST_LOCK_DURATION_MS: '3000',
  INGEST_MAX_ATTEMPTS: '2',
})

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; workers said: ${workers.map((w) => w.output()).join('\n')}`,
      )
    await sleep(50)
  }
}

beforeAll(async () => {
  db = await startTestDatabase()
  await seedDemoUsers(db.db)
  redis = await startTestRedis()
})
afterAll(async () => {
  for (const w of workers) await w.stop('SIGKILL')
  await redis?.stop()
  await db?.stop()
})

describe('a job that keeps killing its worker', () => {
  it('is failed as a poison job after INGEST_MAX_ATTEMPTS stops, and not queued again', async () => {
    const producer = new JobProducer(ingestJob, redis.url, ingestJobOptions)
    const submitted = await submitDocumentVersion(db.db, {
      sourceName: 'facilities.md',
      bytes: Buffer.from(bigPolicy(400)),
    })
    await producer.enqueue({ versionId: submitted.versionId })

    // Each worker is killed with SIGKILL mid-job, as the OOM killer would.
    for (const attempt of [1, 2]) {
      const worker = spawnWorker(workerEnv())
      workers.push(worker)
      await waitFor(
        async () => {
          const v = await getVersion(db.db, submitted.versionId)
          return v?.attempts === attempt && ['chunking', 'embedding', 'storing'].includes(v.stage)
        },
        60_000,
        `attempt ${attempt} to be under way`,
      )
      await worker.stop('SIGKILL')
    }

    const last = spawnWorker(workerEnv())
    workers.push(last)
    const failed = await waitFor(
      async () => {
        const v = await getVersion(db.db, submitted.versionId)
        return v?.status === 'failed' || v?.status === 'ready' ? v : null
      },
      60_000,
      'the third worker to settle the version',
    )
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/^Poison job: the worker stopped 2 times while processing this file/)
    expect(failed).toMatchObject({ attempts: 2, stoppedAttempts: 2, attemptStartedAt: null })
    const { rows } = await db.pool.query<{ n: number }>(
      'select count(*)::int n from chunks where version_id = $1',
      [submitted.versionId],
    )
    expect(rows[0]?.n).toBe(0)

    // The reconciler (every 500 ms, stale after 2 s) leaves a failed version alone: no further attempt.
    await sleep(4_000)
    expect(await getVersion(db.db, submitted.versionId)).toMatchObject({ status: 'failed', attempts: 2 })
    expect(last.child.exitCode).toBeNull()
    await producer.close()
  }, 180_000)
})
