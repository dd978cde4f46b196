import {
  type Database,
  getUserByEmail,
  listFineTunedModels,
  listFineTuneJobs,
  schema,
  seedDemoUsers,
} from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeFineTuneServer, startFakeFineTuneServer } from '../testing'
import { createFineTuneClient } from './client'
import { refreshFineTuneJob, submitFineTuneJob, waitForFineTuneJob } from './service'

const line = (q: string) =>
  `${JSON.stringify({
    messages: [
      { role: 'system', content: 's' },
      { role: 'user', content: q },
      { role: 'assistant', content: 'a [1].' },
    ],
  })}\n`

let database: TestDatabase
let db: Database
let server: FakeFineTuneServer
let datasetId: string
let actorId: string

beforeAll(async () => {
  database = await startTestDatabase()
  db = database.db
  server = await startFakeFineTuneServer({ apiKey: 'sk-ft' })
  await seedDemoUsers(db)
  actorId = (await getUserByEmail(db, 'analyst@example.com'))?.id ?? ''
  const [row] = await db
    .insert(schema.finetuneDatasets)
    .values({
      name: 'reviews 2026',
      format: 'openai-chat',
      filter: {},
      stats: { examples: 3, train: 2, validation: 1 },
      versionIds: [],
      content: line('q1') + line('q2') + line('q3'),
      createdBy: actorId,
    })
    .returning()
  datasetId = row?.id ?? ''
}, 60_000)

afterAll(async () => {
  await server?.close()
  await database?.stop()
})

const client = () =>
  createFineTuneClient({ baseUrl: server.url, apiKey: 'sk-ft', retryDelayMs: 5, maxRetries: 2 })

describe('fine-tune jobs', () => {
  it('uploads train and validation files, creates the job, polls to success and registers the model', async () => {
    const submitted = await submitFineTuneJob(db, client(), { datasetId, model: 'gpt-4o-mini', actorId })
    expect(submitted).toMatchObject({
      status: 'validating_files',
      baseModel: 'gpt-4o-mini',
      provider: expect.stringMatching(/^127\.0\.0\.1:/),
    })
    expect(submitted.externalJobId).toMatch(/^ftjob-/)
    const uploaded = [...server.files.values()]
    expect(uploaded.map((f) => f.filename)).toEqual([
      'reviews-2026.train.jsonl',
      'reviews-2026.validation.jsonl',
    ])
    expect(uploaded[0]?.content).toBe(line('q1') + line('q2'))
    expect(uploaded[1]?.content).toBe(line('q3'))

    const seen: string[] = []
    const done = await waitForFineTuneJob(db, client(), submitted.id, {
      intervalMs: 1,
      onUpdate: (row) => seen.push(row.status),
    })
    expect(seen).toEqual(['queued', 'running', 'succeeded'])
    expect(done.status).toBe('succeeded')
    expect(done.resultModel).toMatch(/^ft:gpt-4o-mini:policydesk:policydesk:/)
    expect(done.error).toBeNull()
    const messages = done.events.map((e) => e.message)
    expect(messages).toContain('[info] The job has successfully completed')
    expect(messages.filter((m) => m.includes('successfully completed'))).toHaveLength(1) // merged, not repeated
    // The log reads in the order things happened: it ends with the provider's verdict.
    expect(messages[0]).toMatch(/^submitting dataset/)
    expect(messages.at(-1)).toBe('[info] The job has successfully completed')
    // By the provider's job id too; polling a finished job changes nothing.
    const again = await refreshFineTuneJob(db, client(), submitted.externalJobId ?? '')
    expect(again.events).toHaveLength(done.events.length)

    expect(await listFineTunedModels(db)).toEqual([
      expect.objectContaining({ model: done.resultModel, baseModel: 'gpt-4o-mini', datasetId }),
    ])
    const actions = (
      await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, submitted.id))
    ).map((a) => a.action)
    expect(actions).toEqual(['finetune.job.submit', 'finetune.job.succeeded'])
  })

  it('records a failed job with the provider error', async () => {
    server.setOutcome('failed')
    const submitted = await submitFineTuneJob(db, client(), { datasetId, model: 'gpt-4o-mini', actorId })
    const done = await waitForFineTuneJob(db, client(), submitted.id, { intervalMs: 1 })
    expect(done.status).toBe('failed')
    expect(done.resultModel).toBeNull()
    expect(done.error).toBe(
      'invalid_training_file: The job failed due to an invalid training file. Examples must have an assistant message.',
    )
    server.setOutcome('succeeded')
  })

  it('keeps a failed upload on record and does not create a job', async () => {
    server.failNext('upload', { status: 413, message: 'File too large.' })
    await expect(
      submitFineTuneJob(db, client(), { datasetId, model: 'gpt-4o-mini', actorId }),
    ).rejects.toThrow('POST /files failed with 413: File too large.')
    const [latest] = await listFineTuneJobs(db, { datasetId, limit: 1 })
    expect(latest).toMatchObject({ status: 'failed', externalJobId: null, datasetName: 'reviews 2026' })
    expect(latest?.error).toContain('File too large.')
  })

  it('survives transient 5xx while submitting', async () => {
    server.failNext('upload', { status: 503 })
    server.failNext('create', { status: 500 })
    const submitted = await submitFineTuneJob(db, client(), { datasetId, model: 'gpt-4o-mini', actorId })
    expect(submitted.status).toBe('validating_files')
  })

  it('refuses unknown or empty datasets', async () => {
    await expect(submitFineTuneJob(db, client(), { datasetId: 'nope', model: 'm', actorId })).rejects.toThrow(
      /No dataset nope/,
    )
    const [empty] = await db
      .insert(schema.finetuneDatasets)
      .values({
        name: 'empty',
        format: 'openai-chat',
        filter: {},
        stats: { train: 0 },
        versionIds: [],
        content: '',
      })
      .returning()
    await expect(
      submitFineTuneJob(db, client(), { datasetId: empty?.id ?? '', model: 'm', actorId }),
    ).rejects.toThrow(/has no training examples/)
  })
})
