import { embeddingInput } from '@policydesk/ingest'
import type { InferenceEnv } from '../env'
import { type RerankProtocol, requestRerank } from './rerank-client'
import type { Candidate } from './types'

/**
 * Optional cross-encoder re-ranking (docs/reranking.md): the top N candidates, in the order they come
 * (fused, or the learned ranker's), go to a `/rerank` server that reads question and passage together,
 * and come back in its order; the rest follow in their own order. Any failure leaves the order unchanged
 * and says why: the answer never waits longer than the timeout, and never fails, because of the reranker.
 */
export type CrossEncoderConfig = {
  baseUrl: string
  protocol: RerankProtocol
  /** Sent with the `cohere` flavour; TEI serves one model and takes none. */
  model: string | null
  apiKey: string | null
  timeoutMs: number
  /** How many leading candidates are sent. */
  topN: number
}

export type CrossEncoderOutcome = {
  applied: boolean
  /** RERANK_MODEL, or the server's address when there is none (TEI): what traces record. */
  model: string
  ms: number
  /** Why the order was left unchanged (only when `applied` is false). */
  reason?: string
  /** One score per candidate sent, in the order they were sent (only when `applied`). */
  scores?: number[]
}

type CrossEncoderEnv = Pick<
  InferenceEnv,
  | 'RERANK_BASE_URL'
  | 'RERANK_MODEL'
  | 'RERANK_API_KEY'
  | 'RERANK_PROTOCOL'
  | 'RERANK_TIMEOUT_MS'
  | 'RERANK_TOP_N'
>

/** The configuration from validated env (`readInferenceEnv()`); null when RERANK_BASE_URL is unset (off). */
export function readCrossEncoderConfig(env: CrossEncoderEnv): CrossEncoderConfig | null {
  if (!env.RERANK_BASE_URL) return null
  const model = env.RERANK_MODEL ?? null
  return {
    baseUrl: env.RERANK_BASE_URL,
    // Cohere, Jina and vLLM name a model; TEI serves one and has no field for it.
    protocol: env.RERANK_PROTOCOL ?? (model ? 'cohere' : 'tei'),
    model,
    apiKey: env.RERANK_API_KEY ?? null,
    timeoutMs: env.RERANK_TIMEOUT_MS,
    topN: env.RERANK_TOP_N,
  }
}

/** The model label of traces: no credentials or query string from the URL. */
export function crossEncoderLabel(config: CrossEncoderConfig): string {
  if (config.model) return config.model
  const url = new URL(config.baseUrl)
  return `${config.protocol} ${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * Re-orders `candidates` by the cross-encoder's scores. The head (the first `topN`) is sorted by score,
 * ties keeping their incoming order, and gets `rerankScore`; the tail keeps its order after it; `rank` is
 * renumbered 1..n. On any failure the candidates come back as given, with the reason in the outcome.
 */
export async function crossEncoderRerank(
  config: CrossEncoderConfig,
  query: string,
  candidates: Candidate[],
  signal?: AbortSignal,
): Promise<{ candidates: Candidate[]; outcome: CrossEncoderOutcome }> {
  const started = performance.now()
  const model = crossEncoderLabel(config)
  const unchanged = (reason: string) => ({
    candidates,
    outcome: { applied: false, model, ms: performance.now() - started, reason },
  })
  if (candidates.length === 0) return unchanged('no candidates')
  if (query.trim().length === 0) return unchanged('empty query')

  const head = candidates.slice(0, config.topN)
  // The passage as the embedder saw it: heading path, then text (one rule, in @policydesk/ingest).
  const reply = await requestRerank(config, query, head.map(embeddingInput), signal)
  if (!reply.ok) return unchanged(reply.reason)

  const reordered = head
    .map((candidate, index) => ({ candidate, index, score: reply.scores[index] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ candidate, score }) => ({ ...candidate, rerankScore: score }))
  return {
    candidates: [...reordered, ...candidates.slice(config.topN)].map((c, i) => ({ ...c, rank: i + 1 })),
    outcome: { applied: true, model, ms: performance.now() - started, scores: reply.scores },
  }
}
