import type { Database, schema, TermStats } from '@policydesk/db'
import type { EmbeddingProvider } from '@policydesk/ingest'
import type { Answerability } from '../answerability/answerability'
import type { ChatProvider } from '../providers/chat-provider'
import type { CrossEncoderConfig } from '../retrieve/cross-encoder-rerank'
import type { RankerArtifact } from '../retrieve/rerank'
import type { ContextPassage } from '../retrieve/select-context'
import type { Candidate, RetrievalFilters } from '../retrieve/types'
import type { Validation } from '../validate/validate-answer'
import type { Turn } from './rewrite'

export type InferenceDeps = {
  db: Database
  embedder: EmbeddingProvider
  chat: ChatProvider
  /** The learned re-ranker (`RANKER=path`), loaded once; null = fused order. */
  ranker: { label: string; artifact: RankerArtifact } | null
  /** Optional cross-encoder (`RERANK_BASE_URL`); null = none. */
  crossEncoder: CrossEncoderConfig | null
  settings: {
    candidates: number
    /** RRF weights; a side with weight 0 is not queried at all. */
    weights: { vector: number; text: number }
    bm25: { k1: number; b: number }
    contextTokens: number
    maxSources: number
    cache: boolean
    /** Answerability below this abstains before generation (docs/quality.md, "Abstention"). */
    abstainBelow: number
    /** fused × (1 + profileBoost) for passages restricted to the asker's profile; default PROFILE_BOOST. */
    profileBoost?: number
  }
}

export type Asker = {
  /** null for system callers (eval) that read with explicit groups. */
  userId: string | null
  groupIds: string[]
  /**
   * The asker's profile (country, office, contract…): retrieval filters and boosts by it, tools read it.
   * Absent/empty = no profile (system callers, users without attributes).
   */
  attributes?: schema.UserAttributes
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
  /** Skip curated answers and the cache (evaluation scores the pipeline itself). */
  skipShortcuts?: boolean
}

export type AnswerCitation = schema.TraceCitation & {
  documentSlug: string
  headingPath: string[]
  passage: string
  /** Whom the cited passage applies to (its section's, else its document's), when restricted. */
  appliesTo?: schema.Applicability
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
  /** Null for curated answers. */
  answerability: schema.TraceAnswerability | null
  model: string
  embeddingModel: string
  promptVersion: string
  usage: { tokensIn: number; tokensOut: number; costUsd: number }
  latencyMs: Record<string, number>
  candidates: schema.TraceCandidate[]
  /** Tools called while answering (model path or built-in equivalents); [] when none. */
  toolCalls: schema.TraceToolCall[]
  /**
   * Set when the model proposed handing the question to a person (create_handoff): the UI asks the user to
   * confirm before anything is sent; nothing has been sent.
   */
  handoffProposal?: { note: string }
  /**
   * Whom the answer's rule is for: the restriction every cited passage shares ("For employees in
   * Portugal: …"); absent/null when a cited passage applies to everyone or none is cited.
   */
  appliesTo?: schema.Applicability | null
}

/** What retrieval found, for callers that score it (eval); the chat ignores it. */
export type RetrievalEvent = {
  type: 'retrieval'
  candidates: Candidate[]
  context: ContextPassage[]
  stats: TermStats
  answerability: Answerability
}

export type AnswerEvent =
  | { type: 'token'; text: string }
  | RetrievalEvent
  | { type: 'final'; result: AnswerResult }
