import type { AnswerCitation, AnswerResult, ToolCallSummary } from '@policydesk/inference'

/** A citation as the UI shows it: the pipeline's citation plus the version number of the cited document. */
export type UiCitation = Pick<
  AnswerCitation,
  | 'n'
  | 'documentId'
  | 'title'
  | 'versionId'
  | 'chunkId'
  | 'headingPath'
  | 'page'
  | 'passage'
  | 'quote'
  | 'appliesTo'
> & { versionNo: number | null }

/**
 * The `final` SSE event: the answer result minus retrieval candidates, plus where it was stored. Tool calls
 * are one-line summaries (their arguments and results stay in the trace); `handoffProposal` is set when
 * the model proposed asking a person, which the UI offers for confirmation. `appliesTo` (on the result and
 * on each citation) says whom a restricted rule is for ("Applies to: Portugal").
 */
export type ChatFinal = Omit<AnswerResult, 'candidates' | 'citations' | 'toolCalls'> & {
  citations: UiCitation[]
  toolCalls: ToolCallSummary[]
  conversationId: string
  messageId: string
  /**
   * Set when the model proposed handing the question to a person (the `create_handoff` tool): the chat asks
   * the user to confirm before anything is sent (POST /api/handoffs).
   */
  handoffProposal?: { note: string }
}

export type Rating = 'up' | 'down'

export type UiMessage = {
  id: string
  role: 'user' | 'assistant'
  content: string
  traceId: string | null
  abstained: boolean
  citations: UiCitation[]
  /** Plain texts of claim sentences the validator could not support. */
  unverified: string[]
  rating: Rating | null
  /** Served from an answer an analyst reviewed and curated, not generated for this question. */
  curated: boolean
  status: 'streaming' | 'done' | 'stopped' | 'error'
  error?: string
  /** A person's reply to a handoff ("Ask a person"): who wrote it, and whether the asker has not seen it yet. */
  handoff?: { id: string; authorName: string; unread: boolean }
  /** The model proposed asking a person; the user confirms first. */
  handoffProposal?: { note: string }
  /** What the answerer looked up or calculated on the way (one line each), as the `final` event gave them. */
  toolCalls?: ToolCallSummary[]
}

/** `unread`: a person replied to a handoff in it and the user has not opened it since. */
export type ConversationItem = { id: string; title: string; updatedAt: string; unread?: boolean }

export const FEEDBACK_REASONS = [
  { value: 'incorrect', label: 'Incorrect' },
  { value: 'incomplete', label: 'Incomplete' },
  { value: 'irrelevant', label: 'Not relevant' },
  { value: 'bad-citation', label: 'Wrong source' },
  { value: 'outdated', label: 'Outdated' },
  { value: 'other', label: 'Other' },
] as const

export type FeedbackReason = (typeof FEEDBACK_REASONS)[number]['value']
