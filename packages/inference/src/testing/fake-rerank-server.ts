import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'

/**
 * A fake cross-encoder server for tests: real HTTP on 127.0.0.1 speaking the `/rerank` protocol in one
 * flavour, as the real servers do:
 * - `tei` (text-embeddings-inference): POST /rerank `{query, texts, raw_scores?, truncate?}` →
 *   `[{index, score}]`, best first; 422 `{error, error_type}` for a request it cannot read.
 * - `cohere` (Cohere, Jina, vLLM): POST /rerank, /v1/rerank or /v2/rerank `{model, query, documents,
 *   top_n?}` → `{id, results: [{index, relevance_score}], meta}`, best first, at most top_n; 400 `{message}`.
 * Relevance is deterministic (`termOverlap`), so tests can predict the order. Each request takes the next
 * queued behaviour (default: score it) and is recorded.
 */
export type FakeRerankFlavour = 'tei' | 'cohere'

export type FakeRerankBehaviour =
  /** Score by term overlap, answer in the server's flavour. */
  | { kind: 'score' }
  /** Score, but answer only after `ms` (for client timeouts). */
  | { kind: 'slow'; ms: number }
  /** An error status with the flavour's error body. */
  | { kind: 'status'; status: number; message?: string }
  /** 200 with JSON cut off midway. */
  | { kind: 'malformed' }
  /** Scores every document, then adds one for an index past the last. */
  | { kind: 'out-of-range' }
  /** 200 with exactly this JSON body (wrong types, duplicates, missing items, ...). */
  | { kind: 'reply'; body: unknown }

export type RecordedRerankRequest = {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown
  model: string | null
  query: string | null
  /** `texts` (tei) or `documents` (cohere). */
  documents: string[]
  behaviour: FakeRerankBehaviour['kind'] | 'not-found' | 'bad-request' | 'unauthorized'
}

export type FakeRerankServerOptions = {
  flavour: FakeRerankFlavour
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string
}

export type FakeRerankServer = {
  /** Base URL without a version prefix: RERANK_BASE_URL for tei (and for vLLM-style `/rerank`). */
  url: string
  requests: RecordedRerankRequest[]
  enqueue: (...behaviours: FakeRerankBehaviour[]) => void
  /** Clears the queue and the recorded requests. */
  reset: () => void
  close: () => Promise<void>
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'are', 'how', 'what', 'with', 'does', 'can', 'our', 'you'])
const termsOf = (text: string) =>
  new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)),
  )

/** Share of the query's terms (3+ letters, a few stop words dropped) that occur in the document: 0..1. */
export function termOverlap(query: string, document: string): number {
  const wanted = termsOf(query)
  if (wanted.size === 0) return 0
  const present = termsOf(document)
  let shared = 0
  for (const term of wanted) if (present.has(term)) shared++
  return shared / wanted.size
}

const teiRequestSchema = z.object({
  query: z.string(),
  texts: z.array(z.string()).min(1),
  raw_scores: z.boolean().optional(),
  truncate: z.boolean().optional(),
})
const cohereRequestSchema = z.object({
  model: z.string().min(1),
  query: z.string(),
  documents: z.array(z.string()).min(1),
  top_n: z.number().int().positive().optional(),
})

const ROUTES: Record<FakeRerankFlavour, string[]> = {
  tei: ['/rerank'],
  cohere: ['/rerank', '/v1/rerank', '/v2/rerank'],
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

const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

export async function startFakeRerankServer(options: FakeRerankServerOptions): Promise<FakeRerankServer> {
  const { flavour } = options
  const queue: FakeRerankBehaviour[] = []
  const requests: RecordedRerankRequest[] = []
  const open = new Set<http.ServerResponse>()
  let sequence = 0

  const send = (res: http.ServerResponse, status: number, body: string) => {
    if (res.destroyed) return
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(body)
  }
  const error = (res: http.ServerResponse, status: number, message: string) =>
    send(
      res,
      status,
      JSON.stringify(flavour === 'tei' ? { error: message, error_type: 'Validation' } : { message }),
    )

  function scored(body: Record<string, unknown>, extraIndex: boolean): string {
    const query = String(body.query)
    const documents = strings(flavour === 'tei' ? body.texts : body.documents)
    const ranked = documents
      .map((text, index) => ({ index, overlap: termOverlap(query, text) }))
      .sort((a, b) => b.overlap - a.overlap || a.index - b.index)
    if (extraIndex) ranked.push({ index: documents.length, overlap: 1 })
    if (flavour === 'tei') {
      // raw_scores: a logit-like spread instead of the default sigmoid-like [0, 1].
      const raw = body.raw_scores === true
      return JSON.stringify(
        ranked.map((r) => ({ index: r.index, score: raw ? r.overlap * 10 - 5 : r.overlap })),
      )
    }
    const topN = typeof body.top_n === 'number' ? body.top_n : ranked.length
    return JSON.stringify({
      id: `rerank-fake-${++sequence}`,
      results: ranked.slice(0, extraIndex ? ranked.length : topN).map((r) => ({
        index: r.index,
        relevance_score: r.overlap,
      })),
      meta: { billed_units: { search_units: 1 } },
    })
  }

  function respond(res: http.ServerResponse, body: Record<string, unknown>, behaviour: FakeRerankBehaviour) {
    switch (behaviour.kind) {
      case 'score':
        return send(res, 200, scored(body, false))
      case 'slow': {
        const timer = setTimeout(() => send(res, 200, scored(body, false)), behaviour.ms)
        res.on('close', () => clearTimeout(timer))
        return
      }
      case 'status':
        return error(res, behaviour.status, behaviour.message ?? `fake server: scripted ${behaviour.status}`)
      case 'malformed':
        return send(res, 200, flavour === 'tei' ? '[{"index":0,"sco' : '{"results":[{"index":0,')
      case 'out-of-range':
        return send(res, 200, scored(body, true))
      case 'reply':
        return send(res, 200, JSON.stringify(behaviour.body))
    }
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
    const record: RecordedRerankRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body: parsed,
      model: typeof body.model === 'string' ? body.model : null,
      query: typeof body.query === 'string' ? body.query : null,
      documents: strings(flavour === 'tei' ? body.texts : body.documents),
      behaviour: 'not-found',
    }
    requests.push(record)

    if (req.method !== 'POST' || !ROUTES[flavour].includes(path))
      return error(res, 404, `fake ${flavour} server: no route ${req.method} ${path}`)
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      record.behaviour = 'unauthorized'
      return error(res, 401, 'fake server: missing or wrong API key')
    }
    const valid = (flavour === 'tei' ? teiRequestSchema : cohereRequestSchema).safeParse(parsed)
    if (!json || !valid.success) {
      record.behaviour = 'bad-request'
      const problem = json
        ? (valid.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') ?? '')
        : 'not JSON'
      return error(res, flavour === 'tei' ? 422 : 400, `fake server: bad request: ${problem}`)
    }
    const behaviour = queue.shift() ?? { kind: 'score' }
    record.behaviour = behaviour.kind
    respond(res, body, behaviour)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...behaviours) => {
      queue.push(...behaviours)
    },
    reset: () => {
      queue.length = 0
      requests.length = 0
    },
    close: async () => {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
