import type { schema } from '@policydesk/db'

/** A reviewed answer as the dataset builder reads it: the review joined to its trace. */
export type ReviewedTrace = {
  reviewId: string
  traceId: string
  verdict: 'approved' | 'corrected'
  question: string
  rewrittenQuery: string
  answer: string
  abstained: boolean
  promptVersion: string
  candidates: schema.TraceCandidate[]
  citations: schema.TraceCitation[]
  correctedAnswer: string | null
  correctedCitations: schema.TraceCitation[] | null
  labels: string[]
  reviewedAt: Date
}

/** A stored passage with what the prompt renders about it. */
export type ChunkRow = {
  chunkId: string
  documentId: string
  documentSlug: string
  versionId: string
  title: string
  headingPath: string[]
  text: string
  pageStart: number | null
  pageEnd: number | null
  tokenCount: number
  charStart: number
  documentDeleted: boolean
  effectiveDate: string | null
}

/** Why an example did not make it into a dataset. */
export type DropReason =
  | 'acl'
  | 'purged'
  | 'document-deleted'
  | 'prompt-version'
  | 'inconsistent-trace'
  | 'empty-answer'
  | 'duplicate'
  | 'too-long'
  | 'invalid'
