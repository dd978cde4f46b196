import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ABSTENTION } from '../prompt/answer-prompt'

/**
 * A fake OpenAI-compatible API for tests: real HTTP on 127.0.0.1, the real wire format (JSON and SSE), so
 * the OpenAI SDK and LangChain run unmodified against it. Each request takes the next scripted behaviour of
 * its endpoint (or a per-model override, or the default) and is recorded for assertions.
 */

export type FakeUsage = { prompt_tokens: number; completion_tokens: number }

export type FakeBehaviour =
  /**
   * Chat: answers `text`, streamed in `chunks` (default: word by word) when the request streams. `usage`
   * null = never report usage, like servers that ignore `stream_options.include_usage`.
   */
  | { kind: 'reply'; text: string; chunks?: string[]; usage?: FakeUsage | null }
  /**
   * Chat: the assistant asks for tool calls, streamed as OpenAI streams them: per call a first delta with
   * index, id, type and name, then its `arguments` string in pieces (`chunks`, default three), then
   * `finish_reason: "tool_calls"`. `arguments` is sent verbatim, so a test can send invalid JSON.
   */
  | {
      kind: 'tool-calls'
      calls: FakeToolCall[]
      /** Assistant text sent before the calls (models rarely send any). */
      text?: string
      usage?: FakeUsage | null
    }
  /** Chat: quotes the first sentence of the prompt's first `<source n="…">` with its [n] citation. */
  | { kind: 'echo-sources'; usage?: FakeUsage }
  /** Embeddings: deterministic unit vectors (of `dimensions`, default the server's). */
  | { kind: 'vectors'; dimensions?: number }
  /** An error status with an OpenAI-style error body; the next request takes the next behaviour. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  /** Never answers (no status line, no headers): for client timeouts. */
  | { kind: 'hang' }
  /** Sends the headers and the first `chunks` (or part of the JSON), then goes silent without closing. */
  | { kind: 'stall'; chunks?: string[] }
  /** Invalid JSON (non-streaming) or a broken SSE event (streaming). */
  | { kind: 'malformed' }

export type FakeToolCall = { id?: string; name: string; arguments: string; chunks?: string[] }

/** A chat message as received, with the tool-calling fields when present. */
export type RecordedMessage = {
  role: string
  content: string
  /** `tool` messages: which call they answer. */
  toolCallId?: string
  /** Assistant messages that asked for tools. */
  toolCalls?: { id: string; name: string; arguments: string }[]
}

export type RecordedRequest = {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown
  model: string | null
  stream: boolean
  includeUsage: boolean
  messages: RecordedMessage[]
  /** The `tools` array of a chat request ([] when none). */
  tools: { type: string; function: { name: string; description?: string; parameters?: unknown } }[]
  /** Embeddings input, always as a list. */
  input: string[]
  /** What the server did with it. */
  behaviour: FakeBehaviour['kind'] | 'not-found' | 'bad-request'
}

export type FakeOpenAIServerOptions = {
  /** Embedding dimension of the `vectors` behaviour. Default 8. */
  dimensions?: number
  /** Chat behaviour when nothing is queued. Default `echo-sources`. */
  chatDefault?: FakeBehaviour
  /** Embeddings behaviour when nothing is queued. Default `vectors`. */
  embeddingsDefault?: FakeBehaviour
}

export type FakeOpenAIServer = {
  /** Base URL including `/v1`: what LLM_BASE_URL / EMBEDDINGS_BASE_URL take. */
  url: string
  port: number
  requests: RecordedRequest[]
  chatRequests: () => RecordedRequest[]
  embeddingRequests: () => RecordedRequest[]
  /** Queue behaviours for the next chat completions requests, in order. */
  enqueueChat: (...behaviours: FakeBehaviour[]) => void
  /** Queue behaviours for the next embeddings requests, in order. */
  enqueueEmbeddings: (...behaviours: FakeBehaviour[]) => void
  /** Every request for `model` gets `behaviour` (before the queue), until set to null. */
  setModelBehaviour: (model: string, behaviour: FakeBehaviour | null) => void
  /** Clears queues, per-model behaviours and recorded requests. */
  reset: () => void
  close: () => Promise<void>
}

const SOURCE = /<source n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/source>/

/** The first sentence of the first source in the prompt, cited; the abstention phrase when there is none. */
export function echoFirstSource(messages: { content: string }[]): string {
  for (const message of messages) {
    const match = SOURCE.exec(message.content)
    if (!match) continue
    const line = (match[2] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0 && !l.startsWith('#'))
    const sentence = (line ?? '').split(/(?<=[.!?])\s+/)[0]?.replace(/[.!?]*$/, '') ?? ''
    if (sentence.length > 0) return `${sentence} [${match[1]}].`
  }
  return ABSTENTION
}

/** Deterministic unit vector for a text: the same text always maps to the same vector. */
export function fakeVector(text: string, dimensions: number): number[] {
  const values: number[] = []
  let block = 0
  while (values.length < dimensions) {
    const digest = createHash('sha256').update(`${block++}:${text}`).digest()
    for (let i = 0; i + 4 <= digest.length && values.length < dimensions; i += 4)
      values.push(digest.readUInt32LE(i) / 0xffffffff - 0.5)
  }
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1
  return values.map((v) => v / norm)
}

const words = (text: string) => text.match(/\S+\s*/g) ?? []
const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4))

function errorBody(message: string, type = 'fake_error') {
  return JSON.stringify({ error: { message, type, param: null, code: null } })
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(body)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

function messagesOf(body: Record<string, unknown>): RecordedMessage[] {
  const raw = Array.isArray(body.messages) ? body.messages : []
  return raw.map((m) => {
    const message = asRecord(m)
    const content = message.content
    const text =
      typeof content === 'string'
        ? content
        : Array.isArray(content)
          ? content.map((part) => String(asRecord(part).text ?? '')).join('')
          : ''
    const recorded: RecordedMessage = { role: String(message.role ?? ''), content: text }
    if (typeof message.tool_call_id === 'string') recorded.toolCallId = message.tool_call_id
    if (Array.isArray(message.tool_calls))
      recorded.toolCalls = message.tool_calls.map((c) => {
        const call = asRecord(c)
        const fn = asRecord(call.function)
        return {
          id: String(call.id ?? ''),
          name: String(fn.name ?? ''),
          arguments: String(fn.arguments ?? ''),
        }
      })
    return recorded
  })
}

function toolsOf(body: Record<string, unknown>): RecordedRequest['tools'] {
  if (!Array.isArray(body.tools)) return []
  return body.tools.map((t) => {
    const tool = asRecord(t)
    const fn = asRecord(tool.function)
    return {
      type: String(tool.type ?? ''),
      function: {
        name: String(fn.name ?? ''),
        ...(typeof fn.description === 'string' ? { description: fn.description } : {}),
        ...('parameters' in fn ? { parameters: fn.parameters } : {}),
      },
    }
  })
}

/** Splits a string into `parts` pieces of about equal length (arguments arrive in fragments). */
function splitInto(text: string, parts: number): string[] {
  if (text.length === 0) return ['']
  const size = Math.ceil(text.length / parts)
  const pieces: string[] = []
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size))
  return pieces
}

function inputOf(body: Record<string, unknown>): string[] {
  const input = body.input
  if (typeof input === 'string') return [input]
  if (Array.isArray(input)) return input.map((i) => (typeof i === 'string' ? i : JSON.stringify(i)))
  return []
}

export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const dimensions = options.dimensions ?? 8
  const chatDefault = options.chatDefault ?? { kind: 'echo-sources' }
  const embeddingsDefault = options.embeddingsDefault ?? { kind: 'vectors' }
  const chatQueue: FakeBehaviour[] = []
  const embeddingsQueue: FakeBehaviour[] = []
  const byModel = new Map<string, FakeBehaviour>()
  const requests: RecordedRequest[] = []
  const open = new Set<http.ServerResponse>()
  let sequence = 0

  const next = (queue: FakeBehaviour[], fallback: FakeBehaviour, model: string | null) =>
    (model !== null ? byModel.get(model) : undefined) ?? queue.shift() ?? fallback

  function chat(res: http.ServerResponse, record: RecordedRequest, behaviour: FakeBehaviour) {
    const id = `chatcmpl-fake-${++sequence}`
    const created = Math.floor(Date.now() / 1000)
    const model = record.model ?? 'unknown'
    if (behaviour.kind === 'status') {
      sendJson(
        res,
        behaviour.status,
        errorBody(behaviour.message ?? `fake server: scripted status ${behaviour.status}`),
        behaviour.headers,
      )
      return
    }
    if (behaviour.kind === 'hang') return
    if (behaviour.kind === 'vectors') {
      sendJson(res, 500, errorBody('fake server: `vectors` is an embeddings behaviour'))
      return
    }
    if (behaviour.kind === 'malformed') {
      if (record.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.end(
          `data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"delta":{"content":"Hal\n\n`,
        )
      } else sendJson(res, 200, `{"id":"${id}","object":"chat.completion","choices":[{"message":`)
      return
    }

    if (behaviour.kind === 'tool-calls') {
      toolCalls(res, record, behaviour, { id, created, model })
      return
    }
    const text =
      behaviour.kind === 'reply'
        ? behaviour.text
        : behaviour.kind === 'echo-sources'
          ? echoFirstSource(record.messages)
          : (behaviour.chunks ?? []).join('')
    const chunks =
      behaviour.kind === 'stall'
        ? (behaviour.chunks ?? [])
        : behaviour.kind === 'reply' && behaviour.chunks
          ? behaviour.chunks
          : words(text)
    const reportUsage = !('usage' in behaviour && behaviour.usage === null)
    const usage = ('usage' in behaviour && behaviour.usage) || {
      prompt_tokens: estimateTokens(record.messages.map((m) => m.content).join('\n')),
      completion_tokens: chunks.length,
    }
    const usageBody = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }

    if (!record.stream && behaviour.kind === 'stall') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(`{"id":"${id}","object":"chat.completion",`)
      return
    }
    if (!record.stream) {
      sendJson(
        res,
        200,
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: text },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          ...(reportUsage ? { usage: usageBody } : {}),
        }),
      )
      return
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`,
      )
    event([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])
    for (const piece of chunks) event([{ index: 0, delta: { content: piece }, finish_reason: null }])
    if (behaviour.kind === 'stall') return
    event([{ index: 0, delta: {}, finish_reason: 'stop' }])
    if (record.includeUsage && reportUsage) event([], { usage: usageBody })
    res.end('data: [DONE]\n\n')
  }

  function toolCalls(
    res: http.ServerResponse,
    record: RecordedRequest,
    behaviour: Extract<FakeBehaviour, { kind: 'tool-calls' }>,
    meta: { id: string; created: number; model: string },
  ) {
    const calls = behaviour.calls.map((c, index) => ({ ...c, id: c.id ?? `call_fake_${sequence}_${index}` }))
    const usage = behaviour.usage ?? {
      prompt_tokens: estimateTokens(record.messages.map((m) => m.content).join('\n')),
      completion_tokens: calls.reduce((sum, c) => sum + estimateTokens(c.arguments), 0),
    }
    const usageBody = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }
    const content = behaviour.text ?? null
    if (!record.stream) {
      const message = {
        role: 'assistant',
        content,
        tool_calls: calls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: c.arguments },
        })),
      }
      sendJson(
        res,
        200,
        JSON.stringify({
          id: meta.id,
          object: 'chat.completion',
          created: meta.created,
          model: meta.model,
          choices: [{ index: 0, message, finish_reason: 'tool_calls', logprobs: null }],
          ...(behaviour.usage === null ? {} : { usage: usageBody }),
        }),
      )
      return
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      res.write(
        `data: ${JSON.stringify({ id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices, ...extra })}\n\n`,
      )
    const delta = (d: Record<string, unknown>) => event([{ index: 0, delta: d, finish_reason: null }])
    delta({ role: 'assistant', content: content === null ? null : '' })
    if (content) for (const piece of words(content)) delta({ content: piece })
    for (const [index, call] of calls.entries()) {
      delta({
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
      })
      for (const piece of call.chunks ?? splitInto(call.arguments, 3))
        delta({ tool_calls: [{ index, function: { arguments: piece } }] })
    }
    event([{ index: 0, delta: {}, finish_reason: 'tool_calls' }])
    if (record.includeUsage && behaviour.usage !== null) event([], { usage: usageBody })
    res.end('data: [DONE]\n\n')
  }

  function embeddings(
    res: http.ServerResponse,
    record: RecordedRequest,
    body: Record<string, unknown>,
    behaviour: FakeBehaviour,
  ) {
    if (behaviour.kind === 'status') {
      sendJson(
        res,
        behaviour.status,
        errorBody(behaviour.message ?? `fake server: scripted status ${behaviour.status}`),
        behaviour.headers,
      )
      return
    }
    if (behaviour.kind === 'hang') return
    if (behaviour.kind === 'malformed') {
      sendJson(res, 200, '{"object":"list","data":[{"object":"embedding","embedding":[0.1,')
      return
    }
    if (behaviour.kind !== 'vectors') {
      sendJson(res, 500, errorBody(`fake server: \`${behaviour.kind}\` is a chat behaviour`))
      return
    }
    const requested = typeof body.dimensions === 'number' ? body.dimensions : undefined
    const size = behaviour.dimensions ?? requested ?? dimensions
    const base64 = body.encoding_format === 'base64'
    const data = record.input.map((text, index) => {
      const vector = fakeVector(text, size)
      const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector
      return { object: 'embedding', index, embedding }
    })
    const tokens = record.input.reduce((sum, text) => sum + estimateTokens(text), 0)
    sendJson(
      res,
      200,
      JSON.stringify({
        object: 'list',
        data,
        model: record.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      }),
    )
  }

  const server = http.createServer(async (req, res) => {
    open.add(res)
    res.on('close', () => open.delete(res))
    const raw = await readBody(req).catch(() => '')
    let parsed: unknown = raw
    let json = true
    try {
      parsed = raw.length > 0 ? JSON.parse(raw) : {}
    } catch {
      json = false
    }
    const body = asRecord(parsed)
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body: parsed,
      model: typeof body.model === 'string' ? body.model : null,
      stream: body.stream === true,
      includeUsage: asRecord(body.stream_options).include_usage === true,
      messages: messagesOf(body),
      tools: toolsOf(body),
      input: inputOf(body),
      behaviour: 'not-found',
    }
    requests.push(record)

    const isChat = req.method === 'POST' && path === '/v1/chat/completions'
    const isEmbeddings = req.method === 'POST' && path === '/v1/embeddings'
    if (!isChat && !isEmbeddings) {
      sendJson(res, 404, errorBody(`fake server: no route ${req.method} ${path}`, 'invalid_request_error'))
      return
    }
    if (!json) {
      record.behaviour = 'bad-request'
      sendJson(res, 400, errorBody('fake server: the request body is not JSON', 'invalid_request_error'))
      return
    }
    if (isChat) {
      const behaviour = next(chatQueue, chatDefault, record.model)
      record.behaviour = behaviour.kind
      chat(res, record, behaviour)
    } else {
      const behaviour = next(embeddingsQueue, embeddingsDefault, record.model)
      record.behaviour = behaviour.kind
      embeddings(res, record, body, behaviour)
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    embeddingRequests: () => requests.filter((r) => r.path === '/v1/embeddings'),
    enqueueChat: (...behaviours) => {
      chatQueue.push(...behaviours)
    },
    enqueueEmbeddings: (...behaviours) => {
      embeddingsQueue.push(...behaviours)
    },
    setModelBehaviour: (model, behaviour) => {
      if (behaviour) byModel.set(model, behaviour)
      else byModel.delete(model)
    },
    reset: () => {
      chatQueue.length = 0
      embeddingsQueue.length = 0
      byModel.clear()
      requests.length = 0
    },
    close: async () => {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
