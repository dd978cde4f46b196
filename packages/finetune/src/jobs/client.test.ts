import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type FakeFineTuneServer, startFakeFineTuneServer } from '../testing'
import { createFineTuneClient, FineTuneApiError } from './client'

const KEY = 'sk-test-finetune'
const LINE = `${JSON.stringify({
  messages: [
    { role: 'user', content: 'q' },
    { role: 'assistant', content: 'a' },
  ],
})}\n`

let server: FakeFineTuneServer
const client = (overrides: Partial<Parameters<typeof createFineTuneClient>[0]> = {}) =>
  createFineTuneClient({ baseUrl: server.url, apiKey: KEY, retryDelayMs: 5, maxRetries: 2, ...overrides })

beforeAll(async () => {
  server = await startFakeFineTuneServer({ apiKey: KEY })
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
  server.setOutcome('succeeded')
})

describe('fine-tune client against the fake API', () => {
  it('uploads multipart files, creates a job and follows it to the fine-tuned model', async () => {
    const api = client()
    const training = await api.uploadFile({ filename: 'reviews.train.jsonl', content: LINE })
    expect(training).toMatchObject({ object: 'file', purpose: 'fine-tune', filename: 'reviews.train.jsonl' })
    expect(server.files.get(training.id)?.content).toBe(LINE)
    expect(server.requests[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/)
    const validation = await api.uploadFile({ filename: 'reviews.validation.jsonl', content: LINE })
    const job = await api.createJob({
      model: 'gpt-4o-mini',
      trainingFile: training.id,
      validationFile: validation.id,
      suffix: 'policydesk',
    })
    expect(job).toMatchObject({
      status: 'validating_files',
      training_file: training.id,
      validation_file: validation.id,
    })
    expect(JSON.parse(server.requests[2]?.body ?? '{}')).toEqual({
      model: 'gpt-4o-mini',
      training_file: training.id,
      validation_file: validation.id,
      suffix: 'policydesk',
    })
    const statuses: string[] = []
    let current = job
    while (!['succeeded', 'failed'].includes(current.status)) {
      current = await api.retrieveJob(job.id)
      statuses.push(current.status)
    }
    expect(statuses).toEqual(['queued', 'running', 'succeeded'])
    expect(current.fine_tuned_model).toMatch(/^ft:gpt-4o-mini:policydesk:policydesk:/)
    const events = await api.listEvents(job.id)
    expect(events.map((e) => e.created_at)).toEqual(
      [...events.map((e) => e.created_at)].sort((a, b) => a - b),
    )
    expect(events.at(-1)?.message).toBe('The job has successfully completed')
  })

  it('reports a failed job with its error object', async () => {
    server.setOutcome('failed')
    const api = client()
    const file = await api.uploadFile({ filename: 'x.jsonl', content: LINE })
    const job = await api.createJob({ model: 'gpt-4o-mini', trainingFile: file.id })
    let current = job
    for (let i = 0; i < 5 && current.status !== 'failed'; i++) current = await api.retrieveJob(job.id)
    expect(current.status).toBe('failed')
    expect(current.fine_tuned_model).toBeNull()
    expect(current.error).toMatchObject({ code: 'invalid_training_file', param: 'training_file' })
  })

  it('fails at once on a 4xx upload, with the server message, without retrying', async () => {
    server.failNext('upload', { status: 400, message: 'Invalid file format for Fine-Tuning API.' })
    const error = await client()
      .uploadFile({ filename: 'x.jsonl', content: LINE })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FineTuneApiError)
    expect(error).toMatchObject({ status: 400, retryable: false })
    expect((error as Error).message).toBe(
      'POST /files failed with 400: Invalid file format for Fine-Tuning API.',
    )
    expect(server.requests).toHaveLength(1)
  })

  it('retries 5xx and 429 (honouring Retry-After) and then succeeds', async () => {
    const api = client()
    const file = await api.uploadFile({ filename: 'x.jsonl', content: LINE })
    server.requests.length = 0
    server.failNext('create', { status: 500 }, { status: 429, headers: { 'retry-after': '0.01' } })
    const job = await api.createJob({ model: 'gpt-4o-mini', trainingFile: file.id })
    expect(job.status).toBe('validating_files')
    expect(server.requests.map((r) => r.path)).toEqual(Array(3).fill('/v1/fine_tuning/jobs'))
  })

  it('gives up after maxRetries on persistent 5xx', async () => {
    server.failNext('retrieve', { status: 502 }, { status: 503 }, { status: 500, message: 'still down' })
    const error = await client({ maxRetries: 2 })
      .retrieveJob('ftjob-x')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 500,
      retryable: true,
      message: 'GET /fine_tuning/jobs/ftjob-x failed with 500: still down',
    })
    expect(server.requests).toHaveLength(3)
  })

  it('rejects a wrong key (401) and responses of the wrong shape', async () => {
    const wrong = await client({ apiKey: 'sk-wrong' })
      .retrieveJob('ftjob-x')
      .catch((e: unknown) => e)
    expect(wrong).toMatchObject({ status: 401, message: expect.stringContaining('Incorrect API key') })
    const odd = createFineTuneClient({
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: null,
      fetch: async () => new Response(JSON.stringify({ id: 'x', object: 'file' }), { status: 200 }),
    })
    await expect(odd.uploadFile({ filename: 'x', content: LINE })).rejects.toThrow(
      /POST \/files: unexpected response \(bytes/,
    )
  })
})
