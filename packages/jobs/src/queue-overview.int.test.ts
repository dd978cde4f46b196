import { Worker } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestJob } from './definitions/ingest'
import { JobProducer } from './producer'
import { readQueueOverview } from './queue-overview'
import { connectionFromUrl } from './redis/connection'
import { startTestRedis, type TestRedis } from './testing'

let redis: TestRedis
let producer: JobProducer<typeof ingestJob.payload>

beforeAll(async () => {
  redis = await startTestRedis()
  producer = new JobProducer(ingestJob, redis.url, { attempts: 1 })
})
afterAll(async () => {
  await producer?.close()
  await redis?.stop()
})

describe('readQueueOverview', () => {
  it('counts jobs by state and lists failed ones with their reason and version', async () => {
    const failing = '0b8f1f5e-4c1a-4b7e-9a63-0b7f5e2a9c11'
    await producer.enqueue({ versionId: failing })
    await producer.enqueue({ versionId: '1b8f1f5e-4c1a-4b7e-9a63-0b7f5e2a9c12' })
    expect((await readQueueOverview(producer.raw)).counts).toMatchObject({ waiting: 2, failed: 0, active: 0 })

    let seen = 0
    const worker = new Worker(
      ingestJob.queue,
      async (job) => {
        seen++
        if (job.data.versionId === failing) throw new Error('the PDF is damaged')
      },
      { connection: connectionFromUrl(redis.url) },
    )
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (seen >= 2) {
          clearInterval(check)
          resolve()
        }
      }, 20)
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const overview = await readQueueOverview(producer.raw)
    expect(overview.workers).toBe(1)
    expect(overview.counts).toMatchObject({ waiting: 0, failed: 1, completed: 1 })
    expect(overview.failed).toEqual([
      expect.objectContaining({
        id: `ingest-${failing}`,
        reason: 'the PDF is damaged',
        attemptsMade: 1,
        versionId: failing,
      }),
    ])
    await worker.close()
  })
})
