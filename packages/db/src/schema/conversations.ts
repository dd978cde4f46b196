import type { UntrustedReason } from '@policydesk/text'
import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import type { Applicability, UserAttributes } from './profiles'
import { users } from './users'

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text().notNull().default('New conversation'),
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.userId, t.updatedAt)],
)

export const messageRoles = ['user', 'assistant'] as const
export const messageRole = pgEnum('message_role', messageRoles)

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: messageRole().notNull(),
    content: text().notNull(),
    traceId: uuid(),
    /** Set on a person's reply to a handoff written into the asker's conversation. */
    handoffId: uuid(),
    /** The handoff reply this message shows (its citations live with the reply). */
    handoffReplyId: uuid(),
    /** Who wrote it, when a person did (a handoff reply); null = the assistant or the user. */
    authorName: text(),
    /** For handoff replies: when the asker saw it; null = unread. */
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.conversationId, t.createdAt)],
)

/** A sentence of a passage withheld from the model because it addresses an AI (@policydesk/text). */
export type TraceOmission = { text: string; reason: UntrustedReason }

/** Shapes of the JSON columns, kept with the table so writers and readers share them. */
export type TraceCandidate = {
  chunkId: string
  documentId: string
  versionId: string
  title: string
  vectorScore: number | null
  vectorRank: number | null
  textScore: number | null
  textRank: number | null
  fusedScore: number
  rank: number
  used: boolean
  cited: boolean
  /** Cross-encoder score, when a reranker ran (docs/reranking.md). */
  rerankScore?: number | null
  /** Set when the passage was not retrieved itself but joined the context next to this chunk. */
  neighbourOf?: string
  /** Sentences of this passage replaced by a placeholder in the prompt; absent when none were. */
  omitted?: TraceOmission[]
  /** Whom the passage applies to (document or section), when restricted. */
  appliesTo?: Applicability
}
export type TraceCitation = {
  n: number
  documentId: string
  title: string
  versionId: string
  chunkId: string
  quote: string
  page: number | null
}
export type TraceValidation = {
  valid: boolean
  invalidCitations: number[]
  sentences: { text: string; citations: number[]; support: number; supported: boolean; claim: boolean }[]
  supportedSentenceRate: number
}
export type TraceLatency = Record<string, number>
/** Why the pipeline judged the question answerable or not (packages/inference/src/answerability). */
export type TraceAnswerability = {
  score: number
  /** The setting in force; below it the pipeline abstained without generating. */
  threshold: number
  gated: boolean
  questionType: string
  coverage: number
  typeMatch: boolean
  terms: { term: string; df: number; idf: number; supported: boolean }[]
  chunkId: string | null
}
/** One tool call of an answer (model path or the built-in equivalents), as an analyst sees it. */
export type TraceToolCall = {
  id: string
  name: string
  arguments: unknown
  status: 'ok' | 'error' | 'rejected' | 'needs_confirmation'
  result?: unknown
  error?: string
  ms: number
}

/** How the ranking was made: what an analyst needs to reproduce it. */
export type TraceRetrieval = {
  bm25: { k1: number; b: number }
  weights: { vector: number; text: number }
  ranker: string
  crossEncoder: { applied: boolean; model: string; ms: number; reason?: string } | null
  contextTokens: number
  neighbours: number
}

/** Everything an analyst needs to judge one answer. Written once per answered question. */
export const answerTraces = pgTable(
  'answer_traces',
  {
    id: id(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    conversationId: uuid().references(() => conversations.id, { onDelete: 'set null' }),
    question: text().notNull(),
    rewrittenQuery: text().notNull(),
    answer: text().notNull(),
    abstained: boolean().notNull(),
    cached: boolean().notNull().default(false),
    candidates: jsonb().$type<TraceCandidate[]>().notNull(),
    citations: jsonb().$type<TraceCitation[]>().notNull(),
    validation: jsonb().$type<TraceValidation>().notNull(),
    versionIds: uuid().array().notNull(),
    groupIds: uuid().array().notNull(),
    promptVersion: text().notNull(),
    model: text().notNull(),
    embeddingModel: text().notNull(),
    tokensIn: integer().notNull().default(0),
    tokensOut: integer().notNull().default(0),
    costUsd: numeric({ precision: 12, scale: 6, mode: 'number' }).notNull().default(0),
    latencyMs: jsonb().$type<TraceLatency>().notNull(),
    ttftMs: integer(),
    totalMs: integer().notNull(),
    topScore: numeric({ precision: 10, scale: 6, mode: 'number' }),
    /** Null on traces written before answerability existed, and on curated and cached answers. */
    answerability: jsonb().$type<TraceAnswerability>(),
    retrieval: jsonb().$type<TraceRetrieval>(),
    /** The asker's attributes retrieval filtered and boosted by; null = none used. */
    askerProfile: jsonb().$type<UserAttributes>(),
    toolCalls: jsonb().$type<TraceToolCall[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId, t.createdAt),
    index().on(t.conversationId),
    // Review area (docs/benchmarks.md, "Answers log at 100k"): keyset pages, filters, search, queue order.
    index('answer_traces_created_at_id_idx').on(t.createdAt, t.id),
    index('answer_traces_model_created_at_idx').on(t.model, t.createdAt),
    index('answer_traces_group_ids_idx').using('gin', t.groupIds),
    index('answer_traces_citations_idx').using('gin', sql`${t.citations} jsonb_path_ops`),
    index('answer_traces_question_fts_idx').using(
      'gin',
      sql`to_tsvector('english'::regconfig, ${t.question})`,
    ),
    index('answer_traces_abstained_idx').on(t.createdAt, t.id).where(sql`${t.abstained}`),
    // Partial index on exactly the "validation failed" expression of queries/answer-log.ts.
    index('answer_traces_validation_failed_idx')
      .on(t.createdAt, t.id)
      .where(
        sql`(not ${t.abstained} and (jsonb_array_length(${t.validation}->'invalidCitations') > 0 or ${t.validation}->'sentences' @> '[{"claim": true, "supported": false}]'::jsonb))`,
      ),
    index('answer_traces_sample_order_idx').on(sql`md5(${t.id}::text)`),
  ],
)

export const feedbackRatings = ['up', 'down'] as const
export const feedbackRating = pgEnum('feedback_rating', feedbackRatings)

export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    traceId: uuid()
      .notNull()
      .unique()
      .references(() => answerTraces.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    rating: feedbackRating().notNull(),
    reason: text(),
    comment: text(),
    ...timestamps,
  },
  (t) => [index().on(t.rating)],
)

export type AnswerTrace = typeof answerTraces.$inferSelect
