import { sleep } from '@policydesk/runtime'
import type { z } from 'zod'
import {
  apiErrorSchema,
  eventListSchema,
  type FileObject,
  type FineTuneJob,
  fileObjectSchema,
  fineTuneJobSchema,
  type JobEvent,
} from './api-schemas'

export class FineTuneApiError extends Error {
  override name = 'FineTuneApiError'
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message)
  }
}

export type FineTuneClientConfig = {
  baseUrl: string
  apiKey: string | null
  timeoutMs?: number
  maxRetries?: number
  /** First retry delay; doubles each attempt. A Retry-After header (seconds) wins, capped at 60 s. */
  retryDelayMs?: number
  fetch?: typeof fetch
}

export type FineTuneClient = {
  uploadFile: (input: { filename: string; content: string }) => Promise<FileObject>
  createJob: (input: {
    model: string
    trainingFile: string
    validationFile?: string | null
    suffix?: string
  }) => Promise<FineTuneJob>
  retrieveJob: (id: string) => Promise<FineTuneJob>
  /** Events oldest first (the API lists newest first). */
  listEvents: (id: string, limit?: number) => Promise<JobEvent[]>
  /** The provider host, for the jobs table: never the key. */
  provider: string
}

/**
 * A small client for an OpenAI-compatible fine-tuning API: fetch + zod-validated responses. Retries 429,
 * 5xx and network errors with exponential backoff; any other 4xx fails at once with the server's message.
 */
export function createFineTuneClient(config: FineTuneClientConfig): FineTuneClient {
  const doFetch = config.fetch ?? fetch
  const base = config.baseUrl.replace(/\/+$/, '')
  const maxRetries = config.maxRetries ?? 3
  const retryDelayMs = config.retryDelayMs ?? 1_000
  const timeoutMs = config.timeoutMs ?? 120_000

  async function request<T extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: T,
    body?: () => FormData | Record<string, unknown>,
  ): Promise<z.infer<T>> {
    const what = `${method} ${path}`
    for (let attempt = 0; ; attempt++) {
      let failure: FineTuneApiError
      let waitMs = retryDelayMs * 2 ** attempt
      try {
        const payload = body?.()
        const headers: Record<string, string> = {}
        if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`
        if (payload && !(payload instanceof FormData)) headers['content-type'] = 'application/json'
        const response = await doFetch(`${base}${path}`, {
          method,
          headers,
          body: payload instanceof FormData ? payload : payload ? JSON.stringify(payload) : undefined,
          signal: AbortSignal.timeout(timeoutMs),
        })
        const text = await response.text()
        if (response.ok) {
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            throw new FineTuneApiError(`${what}: the response is not JSON`, response.status, false)
          }
          const parsed = schema.safeParse(json)
          if (!parsed.success) {
            const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')
            throw new FineTuneApiError(`${what}: unexpected response (${problems})`, response.status, false)
          }
          return parsed.data
        }
        const retryable = response.status === 429 || response.status >= 500
        failure = new FineTuneApiError(
          `${what} failed with ${response.status}: ${serverMessage(text)}`,
          response.status,
          retryable,
        )
        const retryAfter = Number(response.headers.get('retry-after'))
        if (Number.isFinite(retryAfter) && retryAfter > 0) waitMs = Math.min(retryAfter * 1000, 60_000)
      } catch (error) {
        if (error instanceof FineTuneApiError) throw error
        const reason = error instanceof Error ? error.message : String(error)
        failure = new FineTuneApiError(`${what}: ${reason}`, null, true)
      }
      if (!failure.retryable || attempt >= maxRetries) throw failure
      await sleep(waitMs)
    }
  }

  return {
    provider: new URL(base).host,
    uploadFile: ({ filename, content }) =>
      request('POST', '/files', fileObjectSchema, () => {
        const form = new FormData()
        form.append('purpose', 'fine-tune')
        form.append('file', new Blob([content], { type: 'application/jsonl' }), filename)
        return form
      }),
    createJob: ({ model, trainingFile, validationFile, suffix }) =>
      request('POST', '/fine_tuning/jobs', fineTuneJobSchema, () => ({
        model,
        training_file: trainingFile,
        ...(validationFile ? { validation_file: validationFile } : {}),
        ...(suffix ? { suffix } : {}),
      })),
    retrieveJob: (id) => request('GET', `/fine_tuning/jobs/${encodeURIComponent(id)}`, fineTuneJobSchema),
    listEvents: async (id, limit = 100) => {
      const list = await request(
        'GET',
        `/fine_tuning/jobs/${encodeURIComponent(id)}/events?limit=${limit}`,
        eventListSchema,
      )
      return [...list.data].sort((a, b) => a.created_at - b.created_at)
    },
  }
}

function serverMessage(text: string): string {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data.error.message
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 300) || '(empty body)'
}
