import { index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { answerTraces, type TraceCitation } from './conversations'
import type { Applicability } from './profiles'
import { users } from './users'

export const curatedStatuses = ['active', 'needs_review', 'retired'] as const
export const curatedStatus = pgEnum('curated_status', curatedStatuses)
export type CuratedStatus = (typeof curatedStatuses)[number]

/** `answer_traces.model` of an answer served from a curated answer instead of generated. */
export const CURATED_MODEL = 'curated'

/**
 * An analyst-approved answer served for later questions that match it closely ("annotation reply").
 * Its citations pin document versions: when a cited document changes or leaves retrieval, the answer is
 * flagged `needs_review` instead of being served stale.
 */
export const curatedAnswers = pgTable(
  'curated_answers',
  {
    id: id(),
    question: text().notNull(),
    normalizedQuestion: text().notNull(),
    answer: text().notNull(),
    citations: jsonb().$type<TraceCitation[]>().notNull(),
    status: curatedStatus().notNull().default('active'),
    statusReason: text(),
    sourceTraceId: uuid().references(() => answerTraces.id, { onDelete: 'set null' }),
    /**
     * Whom the answer may be served to, matched against the asker's profile by the rule retrieval uses
     * (queries/applicability-sql.ts). Empty = everyone. A person's reply promoted from a handoff is
     * scoped to the original asker's country, office, contract and department unless the promoter says
     * it holds for everyone.
     */
    applicability: jsonb().$type<Applicability>().notNull().default({}),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index().on(t.status), index().on(t.normalizedQuestion)],
)

export type CuratedAnswer = typeof curatedAnswers.$inferSelect
