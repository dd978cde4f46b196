import type { AnswerCitation, AnswerResult } from '@policydesk/inference'

/** A citation as the UI shows it: the pipeline's citation plus the version number of the cited document. */
export type UiCitation = Pick<
  AnswerCitation,
  'n' | 'documentId' | 'title' | 'versionId' | 'chunkId' | 'headingPath' | 'page' | 'passage' | 'quote'
> & { versionNo: number | null }

/** The `final` SSE event: the answer result minus retrieval candidates, plus where it was stored. */
export type ChatFinal = Omit<AnswerResult, 'candidates' | 'citations'> & {
  citations: UiCitation[]
  conversationId: string
  messageId: string
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
}

export type ConversationItem = { id: string; title: string; updatedAt: string }

export const FEEDBACK_REASONS = [
  { value: 'incorrect', label: 'Incorrect' },
  { value: 'incomplete', label: 'Incomplete' },
  { value: 'irrelevant', label: 'Not relevant' },
  { value: 'bad-citation', label: 'Wrong source' },
  { value: 'outdated', label: 'Outdated' },
  { value: 'other', label: 'Other' },
] as const

export type FeedbackReason = (typeof FEEDBACK_REASONS)[number]['value']
