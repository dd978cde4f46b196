import { getVersion, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { submitDocumentVersion } from '@policydesk/ingest'
import { ingestJob, ingestJobOptions, JobProducer } from '@policydesk/jobs'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { setupTracing, traceCarrier, withSpan } from '@policydesk/observability'
import { InMemorySpanExporter } from '@policydesk/observability/testing'
import { createLogger, sleep } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type IngestWorkerHandle, startIngestWorker } from './ingest-worker'

const exporter = new InMemorySpanExporter()
const tracing = setupTracing({ service: 'test', exporter })
let db: TestDatabase
let redis: TestRedis
let worker: IngestWorkerHandle

beforeAll(async () => {
  db = await startTestDatabase()
  await seedDemoUsers(db.db)
  redis = await startTestRedis()
  worker = startIngestWorker({
    db: db.db,
    redisUrl: redis.url,
    log: createLogger('test'),
    reconcileIntervalMs: 60_000,
    reconcileStaleMs: 600_000,
  })
})
afterAll(async () => {
  await worker?.close()
  await tracing.shutdown()
  await redis?.stop()
  await db?.stop()
})

describe('ingest tracing', () => {
  it('the worker continues the upload’s trace from the job data, with a span per stage', async () => {
    const producer = new JobProducer(ingestJob, redis.url, ingestJobOptions)
    const versionId = await withSpan('upload', {}, async () => {
      const submitted = await submitDocumentVersion(db.db, {
        sourceName: 'badges.md',
        bytes: Buffer.from('# Badges\n\n## Rules\n\nWear your badge visibly at all times in the office.\n'),
      })
      await producer.enqueue({ versionId: submitted.versionId, trace: traceCarrier() })
      return submitted.versionId
    })
    const deadline = Date.now() + 30_000
    while ((await getVersion(db.db, versionId))?.status !== 'ready' && Date.now() < deadline) await sleep(100)
    expect((await getVersion(db.db, versionId))?.status).toBe('ready')
    await sleep(200)
    const spans = exporter.getFinishedSpans()
    const upload = spans.find((s) => s.name === 'upload')
    const job = spans.find((s) => s.name === 'ingest.job')
    expect(job?.spanContext().traceId).toBe(upload?.spanContext().traceId)
    expect(job?.parentSpanContext?.spanId).toBe(upload?.spanContext().spanId)
    expect(job?.attributes['policydesk.version_id']).toBe(versionId)
    for (const stage of ['ingest.parse', 'ingest.chunk', 'ingest.embed', 'ingest.store']) {
      const span = spans.find((s) => s.name === stage)
      expect(span?.parentSpanContext?.spanId, stage).toBe(job?.spanContext().spanId)
    }
    await producer.close()
  })
})
