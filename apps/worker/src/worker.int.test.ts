import { getVersion, seedDemoUsers, sql } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { submitDocumentVersion } from '@policydesk/ingest'
import { ingestJob, ingestJobOptions, JobProducer } from '@policydesk/jobs'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { sleep } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnWorker, type WorkerProcess } from './testing/spawn-worker'

let db: TestDatabase
let redis: TestRedis
let producer: JobProducer<typeof ingestJob.payload>
let worker: WorkerProcess

const markdown = (title: string, body: string) =>
  Buffer.from(`# ${title}\n\n## Scope\n\n${body}\n\n## Details\n\n- First rule\n- Second rule\n`)

async function waitForStatus(versionId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const version = await getVersion(db.db, versionId)
    if (version && (version.status === 'ready' || version.status === 'failed')) return version
    if (Date.now() > deadline)
      throw new Error(`version still ${version?.status}; worker said: ${worker.output()}`)
    await sleep(100)
  }
}

beforeAll(async () => {
  db = await startTestDatabase()
  await seedDemoUsers(db.db)
  redis = await startTestRedis()
  producer = new JobProducer(ingestJob, redis.url, ingestJobOptions)
  worker = spawnWorker({ DATABASE_URL: db.url, REDIS_URL: redis.url })
})
afterAll(async () => {
  await worker?.stop('SIGKILL')
  await producer?.close()
  await redis?.stop()
  await db?.stop()
})

describe('ingest through BullMQ and the worker process', () => {
  it('turns an enqueued Markdown version into chunks with heading paths', async () => {
    const submitted = await submitDocumentVersion(db.db, {
      sourceName: 'badge-policy.md',
      bytes: markdown('Badge Policy', 'Employees must wear their badge visibly at all times in the office.'),
    })
    await producer.enqueue({ versionId: submitted.versionId })
    const version = await waitForStatus(submitted.versionId)
    expect(version.status).toBe('ready')
    expect(version.detectedMime).toBe('text/markdown')
    const { rows } = await db.pool.query<{ heading_path: string[]; text: string; n: number }>(
      `select c.heading_path, c.text, (select count(*)::int from chunk_embeddings e where e.chunk_id = c.id) as n
       from chunks c where c.version_id = $1 order by ordinal`,
      [submitted.versionId],
    )
    expect(rows.length).toBeGreaterThan(0)
    expect(rows[0]?.heading_path[0]).toBe('Badge Policy')
    expect(rows.every((r) => r.n === 1)).toBe(true)
    expect(rows.map((r) => r.text).join('\n')).toContain('wear their badge visibly')
  })

  it('fails an unsupported file with a readable reason and keeps working', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const bad = await submitDocumentVersion(db.db, { sourceName: 'photo.md', bytes: png })
    await producer.enqueue({ versionId: bad.versionId })
    const failed = await waitForStatus(bad.versionId)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/image|binary|not supported/i)

    const good = await submitDocumentVersion(db.db, {
      sourceName: 'desk-booking.md',
      bytes: markdown('Desk Booking', 'Desks are booked through the workplace app up to two weeks ahead.'),
    })
    await producer.enqueue({ versionId: good.versionId })
    expect((await waitForStatus(good.versionId)).status).toBe('ready')
  })

  it('re-ingesting identical bytes is a no-op; new bytes add a version that becomes current', async () => {
    const bytes = markdown('Parking', 'Parking is free.')
    const first = await submitDocumentVersion(db.db, { sourceName: 'parking.md', bytes })
    await producer.enqueue({ versionId: first.versionId })
    await waitForStatus(first.versionId)
    const again = await submitDocumentVersion(db.db, { sourceName: 'parking.md', bytes })
    expect(again).toMatchObject({ created: false, versionId: first.versionId })
    const second = await submitDocumentVersion(db.db, {
      sourceName: 'parking.md',
      bytes: markdown('Parking', 'Parking costs 5 EUR a day.'),
    })
    expect(second.versionNo).toBe(2)
    await producer.enqueue({ versionId: second.versionId })
    await waitForStatus(second.versionId)
    const { rows } = await db.pool.query<{ current_version_id: string }>(
      `select current_version_id from documents where slug = 'parking'`,
    )
    expect(rows[0]?.current_version_id).toBe(second.versionId)
    const counts = await db.db.execute(
      sql`select count(*)::int as n from document_versions v join documents d on d.id = v.document_id where d.slug = 'parking'`,
    )
    expect(counts.rows[0]).toEqual({ n: 2 })
  })

  it('a version stored while no job was enqueued is picked up by the reconciler', async () => {
    const orphan = await submitDocumentVersion(db.db, {
      sourceName: 'orphan.md',
      bytes: markdown('Orphan', 'This upload was stored while Redis was down.'),
    })
    expect((await waitForStatus(orphan.versionId, 30_000)).status).toBe('ready')
  })
})
