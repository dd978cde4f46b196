import type { Database, schema } from '@policydesk/db'
import type { EmbeddingProvider } from '@policydesk/ingest'
import type { ChatProvider } from '../providers/chat-provider'
import type { RetrievalFilters } from '../retrieve/types'
import type { Validation } from '../validate/validate-answer'
import type { Turn } from './rewrite'

export type InferenceDeps = {
  db: Database
  embedder: EmbeddingProvider
  chat: ChatProvider
  settings: {
    candidates: number
    weights: { vector: number; text: number }
    contextTokens: number
    maxSources: number
    cache: boolean
  }
}

export type Asker = {
  /** null for system callers (eval) that read with explicit groups. */
  userId: string | null
  groupIds: string[]
}

export type AnswerInput = {
  question: string
  history?: Turn[]
  user: Asker
  conversationId?: string
  filters?: RetrievalFilters
  signal?: AbortSignal
  /** Skip writing answer_traces (benchmarks). */
  skipTrace?: boolean
}

export type AnswerCitation = schema.TraceCitation & {
  documentSlug: string
  headingPath: string[]
  passage: string
}

export type AnswerResult = {
  traceId: string | null
  question: string
  rewrittenQuery: string
  text: string
  citations: AnswerCitation[]
  abstained: boolean
  cached: boolean
  /** Set when an analyst-curated answer was served instead of a generated one. */
  curatedAnswerId: string | null
  validation: Validation
  model: string
  embeddingModel: string
  promptVersion: string
  usage: { tokensIn: number; tokensOut: number; costUsd: number }
  latencyMs: Record<string, number>
  candidates: schema.TraceCandidate[]
}

export type AnswerEvent = { type: 'token'; text: string } | { type: 'final'; result: AnswerResult }
