import { index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { answerTraces, type TraceCitation } from './conversations'
import { users } from './users'

export const reviewVerdicts = ['approved', 'corrected', 'rejected'] as const
export const reviewVerdict = pgEnum('review_verdict', reviewVerdicts)
export type ReviewVerdict = (typeof reviewVerdicts)[number]

export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    traceId: uuid()
      .notNull()
      .unique()
      .references(() => answerTraces.id, { onDelete: 'cascade' }),
    reviewerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    verdict: reviewVerdict().notNull(),
    correctedAnswer: text(),
    correctedCitations: jsonb().$type<TraceCitation[]>(),
    labels: text().array().notNull().default([]),
    notes: text(),
    ...timestamps,
  },
  (t) => [index().on(t.verdict)],
)
