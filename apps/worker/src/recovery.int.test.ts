import { getVersion, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { chunkDocument, parseDocument, submitDocumentVersion } from '@policydesk/ingest'
import { ingestJob, ingestJobOptions, JobProducer, pingRedis } from '@policydesk/jobs'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { sleep } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bigPolicy } from './testing/big-policy'
import { spawnWorker, type WorkerProcess } from './testing/spawn-worker'

let db: TestDatabase
let redis: TestRedis
const workers: WorkerProcess[] = []

const workerEnv = () => ({ DATABASE_URL: db.url, REDIS_URL: redis.url, INGEST_LOCK_DURATION_MS: '3000' })

async function waitFor<T>(
  probe: () => Promise<T | null | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; worker output: ${workers.map((w) => w.output()).join('\n')}`,
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

describe('ingestion survives crashes and outages', () => {
  it('a worker killed with SIGKILL mid-job leaves no partial chunks; the next worker finishes exactly once', async () => {
    const text = bigPolicy(400)
    const expected = chunkDocument(
      await parseDocument(Buffer.from(text), { maxBytes: 5e7, fileName: 'facilities.md' }),
    ).chunks.length
    const producer = new JobProducer(ingestJob, redis.url, ingestJobOptions)
    const submitted = await submitDocumentVersion(db.db, {
      sourceName: 'facilities.md',
      bytes: Buffer.from(text),
    })

    const first = spawnWorker(workerEnv())
    workers.push(first)
    await producer.enqueue({ versionId: submitted.versionId })
    await waitFor(
      async () => {
        const v = await getVersion(db.db, submitted.versionId)
        return v && ['chunking', 'embedding', 'storing'].includes(v.stage) ? v : null
      },
      60_000,
      'the first worker to start processing',
    )
    await first.stop('SIGKILL')
    const { rows: during } = await db.pool.query<{ n: number }>(
      'select count(*)::int n from chunks where version_id = $1',
      [submitted.versionId],
    )
    expect(during[0]?.n).toBe(0)

    const second = spawnWorker(workerEnv())
    workers.push(second)
    const done = await waitFor(
      async () => {
        const v = await getVersion(db.db, submitted.versionId)
        return v?.status === 'ready' || v?.status === 'failed' ? v : null
      },
      90_000,
      'the second worker to finish the stalled job',
    )
    expect(done.status).toBe('ready')
    const { rows } = await db.pool.query<{ n: number; ordinals: number; embeddings: number }>(
      `select count(*)::int n, count(distinct ordinal)::int ordinals,
        (select count(*)::int from chunk_embeddings e join chunks c2 on c2.id = e.chunk_id where c2.version_id = $1) embeddings
       from chunks where version_id = $1`,
      [submitted.versionId],
    )
    expect(rows[0]).toEqual({ n: expected, ordinals: expected, embeddings: expected })
    await producer.close()
  }, 120_000)

  it('an upload stored while Redis is down is processed once Redis is back', async () => {
    const port = redis.port
    // A running worker loses Redis underneath it…
    const worker = spawnWorker(workerEnv())
    workers.push(worker)
    await waitFor(
      async () => worker.output().includes('consuming the BullMQ queue'),
      30_000,
      'the worker to start',
    )
    await redis.stop()
    const submitted = await submitDocumentVersion(db.db, {
      sourceName: 'lockers.md',
      bytes: Buffer.from(
        '# Lockers\n\n## Use\n\nLockers are assigned by the office manager and emptied every Friday.\n',
      ),
    })
    // Nothing could be enqueued: the version is stored as queued and Redis does not answer.
    expect(await pingRedis(`redis://127.0.0.1:${port}`, 300)).toBe(false)
    expect((await getVersion(db.db, submitted.versionId))?.status).toBe('queued')
    await sleep(1_000)
    expect(worker.child.exitCode).toBeNull()

    redis = await startTestRedis(port)
    const done = await waitFor(
      async () => {
        const v = await getVersion(db.db, submitted.versionId)
        return v?.status === 'ready' ? v : null
      },
      45_000,
      'the reconciler to process the version after Redis came back',
    )
    expect(done.chunkCount).toBeGreaterThan(0)
  }, 90_000)
})
