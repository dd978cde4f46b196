/** The rows the builder reads are shaped by the db query that loads them (queries/dataset-sources.ts). */
export type { ChunkRow, ReviewedTrace } from '@policydesk/db'

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
