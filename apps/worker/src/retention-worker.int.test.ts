import { schema, sql } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { retentionJob } from '@policydesk/jobs'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { createLogger, sleep } from '@policydesk/runtime'
import { Queue } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRetention } from './retention-worker'

let db: TestDatabase
let redis: TestRedis
let queue: Queue

beforeAll(async () => {
  db = await startTestDatabase()
  redis = await startTestRedis()
  queue = new Queue(retentionJob.queue, { connection: { host: '127.0.0.1', port: redis.port } })
})
afterAll(async () => {
  await queue?.close()
  await redis?.stop()
  await db?.stop()
})

async function oldTrace(ageDays: number) {
  await db.db.insert(schema.answerTraces).values({
    question: 'q',
    rewrittenQuery: 'q',
    answer: 'a',
    abstained: false,
    candidates: [],
    citations: [],
    validation: { valid: true, invalidCitations: [], sentences: [], supportedSentenceRate: 1 },
    versionIds: [],
    groupIds: [],
    promptVersion: 'p',
    model: 'm',
    embeddingModel: 'e',
    latencyMs: {},
    totalMs: 1,
    createdAt: new Date(Date.now() - ageDays * 86_400_000),
  })
}
const count = async (query: ReturnType<typeof sql>) =>
  ((await db.db.execute(query)).rows[0] as { n: number }).n

describe('retention schedule', () => {
  it('two workers make one job scheduler; its runs delete old history; turning retention off removes it', async () => {
    const log = createLogger('test')
    const settings = { days: 30, keepReviewed: true, schedule: { every: 400 } }
    await oldTrace(40)
    await oldTrace(1)
    const replicas = await Promise.all([
      startRetention({ db: db.db, redisUrl: redis.url, settings, log }),
      startRetention({ db: db.db, redisUrl: redis.url, settings, log }),
    ])
    expect(await queue.getJobSchedulersCount()).toBe(1)
    const deadline = Date.now() + 20_000
    while ((await count(sql`select count(*)::int n from answer_traces`)) !== 1 && Date.now() < deadline)
      await sleep(100)
    expect(await count(sql`select count(*)::int n from answer_traces`)).toBe(1)
    await sleep(1_300)
    // One job per tick for the whole deployment, not one per worker: ~4 runs in 1.6 s, never ~8.
    const runs = await count(sql`select count(*)::int n from audit_log where action = 'retention.purge'`)
    expect(runs).toBeGreaterThanOrEqual(2)
    expect(runs).toBeLessThanOrEqual(6)
    for (const replica of replicas) await replica.close()

    const off = await startRetention({
      db: db.db,
      redisUrl: redis.url,
      settings: { ...settings, days: undefined },
      log,
    })
    expect(await queue.getJobSchedulersCount()).toBe(0)
    await off.close()
  })
})
