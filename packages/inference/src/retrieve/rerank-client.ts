import { z } from 'zod'

/**
 * A client for the `/rerank` HTTP protocol that cross-encoder servers speak, in its two flavours:
 * - `tei`: Hugging Face text-embeddings-inference. POST `{base}/rerank` with `{query, texts, raw_scores,
 *   truncate}` → `[{index, score}]`. One model per server, so no `model` field.
 * - `cohere`: Cohere (`/v1`, `/v2`), Jina (`/v1`), vLLM (`/rerank`, `/v1`, `/v2`) and most gateways.
 *   POST `{base}/rerank` with `{model, query, documents, top_n}` → `{results: [{index, relevance_score}]}`.
 * The base URL carries any version prefix (`https://api.jina.ai/v1`), as LLM_BASE_URL does.
 * Failures come back as a reason string, never as an exception: the caller falls back to its own order.
 */
export type RerankProtocol = 'tei' | 'cohere'

export type RerankRequest = {
  baseUrl: string
  protocol: RerankProtocol
  model: string | null
  apiKey: string | null
  timeoutMs: number
}

/** One score per text sent, in the order sent; or why there are none. */
export type RerankReply = { ok: true; scores: number[] } | { ok: false; reason: string }

// Scores are only required to be finite numbers: TEI's sigmoid, Cohere's [0, 1] and raw logits all sort.
const index = z.number().int().min(0)
const teiResponseSchema = z.array(z.looseObject({ index, score: z.number() }))
const cohereResponseSchema = z.looseObject({
  results: z.array(z.looseObject({ index, relevance_score: z.number() })),
})

export function rerankEndpoint(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/rerank`
}

export function rerankBody(request: RerankRequest, query: string, texts: string[]): Record<string, unknown> {
  if (request.protocol === 'tei')
    // truncate: a passage over the model's window is cut instead of failing the whole call (TEI's default
    // is to reject it). raw_scores false: sigmoid scores in [0, 1], comparable across questions.
    return { query, texts, raw_scores: false, truncate: true }
  // top_n = every document: we re-order all of them, and some servers default to fewer.
  return { ...(request.model ? { model: request.model } : {}), query, documents: texts, top_n: texts.length }
}

/**
 * Validates a response and turns it into one score per text: every index in range, none twice, none
 * missing. The shape picks the flavour (an array is TEI's), so a server answering in the other flavour's
 * shape still works.
 */
export function parseRerankResponse(json: unknown, sent: number): RerankReply {
  const parsed = Array.isArray(json)
    ? teiResponseSchema.safeParse(json)
    : cohereResponseSchema
        .transform((r) => r.results.map((x) => ({ ...x, score: x.relevance_score })))
        .safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return { ok: false, reason: `malformed response: ${where}${issue?.message ?? 'unexpected shape'}` }
  }
  const byIndex = new Map<number, number>()
  for (const { index, score } of parsed.data) {
    if (index >= sent)
      return { ok: false, reason: `malformed response: index ${index} out of range (${sent} sent)` }
    if (byIndex.has(index)) return { ok: false, reason: `malformed response: index ${index} returned twice` }
    byIndex.set(index, score)
  }
  if (byIndex.size < sent)
    return { ok: false, reason: `malformed response: ${sent - byIndex.size} of ${sent} passages not scored` }
  return { ok: true, scores: Array.from({ length: sent }, (_, i) => byIndex.get(i) ?? 0) }
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200)

/**
 * POSTs one rerank request. The timeout covers the whole exchange, body included; `signal` is the
 * caller's (the question was cancelled), reported as such rather than as a timeout.
 */
export async function requestRerank(
  request: RerankRequest,
  query: string,
  texts: string[],
  signal?: AbortSignal,
): Promise<RerankReply> {
  if (signal?.aborted) return { ok: false, reason: 'aborted before the request' }
  const timeout = AbortSignal.timeout(request.timeoutMs)
  const url = rerankEndpoint(request.baseUrl)
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}),
      },
      body: JSON.stringify(rerankBody(request, query, texts)),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    })
    const text = await response.text()
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status} from ${url}: ${snippet(text)}` }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return { ok: false, reason: `malformed response: not JSON (${snippet(text) || 'empty body'})` }
    }
    return parseRerankResponse(json, texts.length)
  } catch (error) {
    if (signal?.aborted) return { ok: false, reason: 'aborted' }
    if (timeout.aborted)
      return { ok: false, reason: `timeout after ${request.timeoutMs} ms (RERANK_TIMEOUT_MS)` }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return {
      ok: false,
      reason: `network error calling ${url}: ${error instanceof Error ? error.message : String(error)}${cause}`,
    }
  }
}
