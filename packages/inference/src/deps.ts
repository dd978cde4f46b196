import type { Database } from '@policydesk/db'
import { createEmbeddingProvider, type EmbeddingProvider } from '@policydesk/ingest'
import { readInferenceEnv } from './env'
import type { InferenceDeps } from './pipeline/types'
import { type ChatProvider, createChatProvider } from './providers/chat-provider'

/** Everything the pipeline needs, from validated environment variables (overridable for tests and eval). */
export function createInferenceDeps(
  db: Database,
  overrides: {
    embedder?: EmbeddingProvider
    chat?: ChatProvider
    settings?: Partial<InferenceDeps['settings']>
  } = {},
): InferenceDeps {
  const env = readInferenceEnv()
  return {
    db,
    embedder: overrides.embedder ?? createEmbeddingProvider(),
    chat: overrides.chat ?? createChatProvider(),
    settings: {
      candidates: env.RETRIEVAL_CANDIDATES,
      weights: { vector: env.RETRIEVAL_VECTOR_WEIGHT, text: env.RETRIEVAL_TEXT_WEIGHT },
      contextTokens: env.RETRIEVAL_CONTEXT_TOKENS,
      maxSources: env.RETRIEVAL_MAX_SOURCES,
      cache: env.ANSWER_CACHE === 'on',
      ...overrides.settings,
    },
  }
}
