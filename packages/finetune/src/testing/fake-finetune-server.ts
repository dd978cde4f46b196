import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A fake OpenAI fine-tuning API on 127.0.0.1 with the real request and response shapes: multipart file
 * upload (`POST /v1/files`), job creation (`POST /v1/fine_tuning/jobs`), retrieval and events. Each
 * retrieval advances a job one step through validating_files → queued → running → succeeded (or failed,
 * per `outcome`). Scripted errors (`failNext`) answer the next request of a route with a status and an
 * OpenAI-style error body. Requests are recorded for assertions.
 */

export type FakeRoute = 'upload' | 'create' | 'retrieve' | 'events'
export type FakeFailure = {
  status: number
  message?: string
  code?: string
  headers?: Record<string, string>
}

export type FakeFineTuneOptions = {
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string
  /** How the next created jobs end. Default `succeeded`. */
  outcome?: 'succeeded' | 'failed'
}

export type FakeFile = { id: string; filename: string; purpose: string; content: string }
export type FakeRequest = { method: string; path: string; contentType: string; body: string }

export type FakeFineTuneServer = {
  /** Base URL including /v1: what FINETUNE_BASE_URL takes. */
  url: string
  requests: FakeRequest[]
  files: Map<string, FakeFile>
  failNext: (route: FakeRoute, ...failures: FakeFailure[]) => void
  setOutcome: (outcome: 'succeeded' | 'failed') => void
  close: () => Promise<void>
}

type Job = {
  id: string
  model: string
  created_at: number
  finished_at: number | null
  status: string
  fine_tuned_model: string | null
  training_file: string
  validation_file: string | null
  trained_tokens: number | null
  error: { code: string; message: string; param: string | null } | null
  outcome: 'succeeded' | 'failed'
  suffix: string | null
  events: {
    id: string
    object: 'fine_tuning.job.event'
    created_at: number
    level: string
    message: string
  }[]
}

const STEPS = ['validating_files', 'queued', 'running'] as const

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const errorBody = (message: string, code: string | null = null, param: string | null = null) => ({
  error: { message, type: 'invalid_request_error', param, code },
})

/** Just enough multipart/form-data parsing for `purpose` and one `file` part. */
function parseMultipart(
  body: Buffer,
  contentType: string,
): Map<string, { filename?: string; value: string }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType)
  const parts = new Map<string, { filename?: string; value: string }>()
  const marker = boundary?.[1] ?? boundary?.[2]
  if (!marker) return parts
  for (const raw of body.toString('utf8').split(`--${marker}`)) {
    const split = raw.indexOf('\r\n\r\n')
    if (split === -1) continue
    const head = raw.slice(0, split)
    const name = /name="([^"]*)"/.exec(head)?.[1]
    if (!name) continue
    const filename = /filename="([^"]*)"/.exec(head)?.[1]
    parts.set(name, { filename, value: raw.slice(split + 4).replace(/\r\n$/, '') })
  }
  return parts
}

export async function startFakeFineTuneServer(
  options: FakeFineTuneOptions = {},
): Promise<FakeFineTuneServer> {
  const requests: FakeRequest[] = []
  const files = new Map<string, FakeFile>()
  const jobs = new Map<string, Job>()
  const failures: Record<FakeRoute, FakeFailure[]> = { upload: [], create: [], retrieve: [], events: [] }
  let outcome = options.outcome ?? 'succeeded'
  let sequence = 0
  let clock = Math.floor(Date.now() / 1000)
  const tick = () => ++clock

  const event = (job: Job, message: string, level = 'info') =>
    job.events.push({
      id: `ftevent-${++sequence}`,
      object: 'fine_tuning.job.event',
      created_at: tick(),
      level,
      message,
    })
  const publicJob = ({ outcome: _o, suffix: _s, events: _e, ...job }: Job) => ({
    object: 'fine_tuning.job',
    organization_id: 'org-fake',
    result_files: [],
    hyperparameters: { n_epochs: 3, batch_size: 1, learning_rate_multiplier: 1.8 },
    seed: 42,
    ...job,
  })

  function advance(job: Job) {
    const step = STEPS.indexOf(job.status as (typeof STEPS)[number])
    if (step === -1) return
    if (step < STEPS.length - 1) {
      job.status = STEPS[step + 1] ?? 'running'
      event(
        job,
        job.status === 'queued' ? 'Files validated, moving job to queued state' : 'Fine-tuning job started',
      )
      return
    }
    job.finished_at = tick()
    if (job.outcome === 'succeeded') {
      job.status = 'succeeded'
      job.trained_tokens = 12_345
      job.fine_tuned_model = `ft:${job.model}:policydesk:${job.suffix ?? 'custom'}:${job.id.slice(-6)}`
      event(job, 'The job has successfully completed')
    } else {
      job.status = 'failed'
      job.error = {
        code: 'invalid_training_file',
        message: 'The job failed due to an invalid training file. Examples must have an assistant message.',
        param: 'training_file',
      }
      event(job, job.error.message, 'error')
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://fake')
      const contentType = String(req.headers['content-type'] ?? '')
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        contentType,
        body: body.toString('utf8'),
      })
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
        return send(res, 401, errorBody('Incorrect API key provided.', 'invalid_api_key'))

      const jobMatch = /^\/v1\/fine_tuning\/jobs\/([^/]+)(\/events)?$/.exec(url.pathname)
      const route: FakeRoute | null =
        req.method === 'POST' && url.pathname === '/v1/files'
          ? 'upload'
          : req.method === 'POST' && url.pathname === '/v1/fine_tuning/jobs'
            ? 'create'
            : req.method === 'GET' && jobMatch
              ? jobMatch[2]
                ? 'events'
                : 'retrieve'
              : null
      if (!route) return send(res, 404, errorBody(`Unknown route ${req.method} ${url.pathname}`))
      const failure = failures[route].shift()
      if (failure)
        return send(
          res,
          failure.status,
          errorBody(failure.message ?? `scripted ${failure.status}`, failure.code ?? null),
          failure.headers,
        )

      if (route === 'upload') {
        if (!contentType.startsWith('multipart/form-data'))
          return send(res, 400, errorBody('Expected multipart/form-data'))
        const parts = parseMultipart(body, contentType)
        const purpose = parts.get('purpose')?.value
        const file = parts.get('file')
        if (purpose !== 'fine-tune')
          return send(res, 400, errorBody(`Invalid purpose: ${purpose}`, null, 'purpose'))
        if (!file?.filename || file.value.trim() === '')
          return send(res, 400, errorBody('The file is empty or missing', null, 'file'))
        const id = `file-${String(++sequence).padStart(6, '0')}`
        files.set(id, { id, filename: file.filename, purpose, content: file.value })
        return send(res, 200, {
          id,
          object: 'file',
          bytes: Buffer.byteLength(file.value),
          created_at: tick(),
          filename: file.filename,
          purpose,
          status: 'processed',
          status_details: null,
        })
      }
      if (route === 'create') {
        let input: Record<string, unknown>
        try {
          input = JSON.parse(body.toString('utf8')) as Record<string, unknown>
        } catch {
          return send(res, 400, errorBody('The body is not JSON'))
        }
        const training = typeof input.training_file === 'string' ? input.training_file : ''
        const validation = typeof input.validation_file === 'string' ? input.validation_file : null
        if (!files.has(training))
          return send(res, 400, errorBody(`invalid training_file: ${training}`, null, 'training_file'))
        if (validation && !files.has(validation))
          return send(res, 400, errorBody(`invalid validation_file: ${validation}`, null, 'validation_file'))
        if (typeof input.model !== 'string' || input.model === '')
          return send(res, 400, errorBody('model is required', null, 'model'))
        const job: Job = {
          id: `ftjob-${String(++sequence).padStart(6, '0')}`,
          model: input.model,
          created_at: tick(),
          finished_at: null,
          status: 'validating_files',
          fine_tuned_model: null,
          training_file: training,
          validation_file: validation,
          trained_tokens: null,
          error: null,
          outcome,
          suffix: typeof input.suffix === 'string' ? input.suffix : null,
          events: [],
        }
        event(job, `Validating training file: ${training}`)
        jobs.set(job.id, job)
        return send(res, 200, publicJob(job))
      }
      const job = jobs.get(jobMatch?.[1] ?? '')
      if (!job)
        return send(
          res,
          404,
          errorBody(`Could not find fine-tune job: ${jobMatch?.[1]}`, 'fine_tune_job_not_found'),
        )
      if (route === 'retrieve') {
        advance(job)
        return send(res, 200, publicJob(job))
      }
      return send(res, 200, { object: 'list', data: [...job.events].reverse(), has_more: false })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    files,
    failNext: (route, ...list) => {
      failures[route].push(...list)
    },
    setOutcome: (value) => {
      outcome = value
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
