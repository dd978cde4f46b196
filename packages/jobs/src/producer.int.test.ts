import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidJobPayload } from './definitions/define-job'
import { ingestJob } from './definitions/ingest'
import { JobProducer } from './producer'
import { pingRedis } from './redis/connection'
import { startTestRedis, type TestRedis } from './testing'

let redis: TestRedis
let producer: JobProducer<typeof ingestJob.payload>

beforeAll(async () => {
  redis = await startTestRedis()
  producer = new JobProducer(ingestJob, redis.url)
})
afterAll(async () => {
  await producer?.close()
  await redis?.stop()
})

describe('JobProducer', () => {
  it('derives the job id from the payload, so a double enqueue is one job', async () => {
    const versionId = '0b8f1f5e-4c1a-4b7e-9a63-0b7f5e2a9c11'
    expect(await producer.enqueue({ versionId })).toBe(`ingest-${versionId}`)
    await producer.enqueue({ versionId })
    expect(await producer.raw.getJobCounts('waiting')).toEqual({ waiting: 1 })
  })

  it('rejects a payload that does not match the shared schema', async () => {
    await expect(producer.enqueue({ versionId: 'not-a-uuid' })).rejects.toBeInstanceOf(InvalidJobPayload)
  })

  it('reports an unreachable Redis instead of hanging', async () => {
    expect(await pingRedis('redis://127.0.0.1:1', 500)).toBe(false)
  })
})
