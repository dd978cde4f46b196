import type { Database } from '@policydesk/db'
import { BUILTIN_EMBEDDING_MODEL, createEmbeddingProvider, type EmbeddingProvider } from '@policydesk/ingest'
import { readInferenceEnv } from './env'
import type { InferenceDeps } from './pipeline/types'
import { type ChatProvider, createChatProvider } from './providers/chat-provider'
import { readCrossEncoderConfig } from './retrieve/cross-encoder-rerank'
import { loadRanker } from './retrieve/rerank'

/** Everything the pipeline needs, from validated environment variables (overridable for tests and eval). */
export function createInferenceDeps(
  db: Database,
  overrides: {
    embedder?: EmbeddingProvider
    chat?: ChatProvider
    settings?: Partial<InferenceDeps['settings']>
    ranker?: InferenceDeps['ranker']
    crossEncoder?: InferenceDeps['crossEncoder']
  } = {},
): InferenceDeps {
  const env = readInferenceEnv()
  const embedder = overrides.embedder ?? createEmbeddingProvider()
  return {
    db,
    embedder,
    chat: overrides.chat ?? createChatProvider(),
    ranker:
      overrides.ranker !== undefined
        ? overrides.ranker
        : env.RANKER === 'off'
          ? null
          : { label: env.RANKER, artifact: loadRanker(env.RANKER) },
    crossEncoder: overrides.crossEncoder !== undefined ? overrides.crossEncoder : readCrossEncoderConfig(env),
    settings: {
      candidates: env.RETRIEVAL_CANDIDATES,
      weights: {
        // The built-in embedder is lexical: BM25 already holds everything it knows (docs/quality.md).
        vector: env.RETRIEVAL_VECTOR_WEIGHT ?? (embedder.model === BUILTIN_EMBEDDING_MODEL ? 0 : 1),
        text: env.RETRIEVAL_TEXT_WEIGHT,
      },
      bm25: { k1: env.RETRIEVAL_BM25_K1, b: env.RETRIEVAL_BM25_B },
      contextTokens: env.RETRIEVAL_CONTEXT_TOKENS,
      maxSources: env.RETRIEVAL_MAX_SOURCES,
      cache: env.ANSWER_CACHE === 'on',
      abstainBelow: env.ANSWER_ABSTAIN_BELOW,
      profileBoost: env.RETRIEVAL_PROFILE_BOOST,
      ...overrides.settings,
    },
  }
}
