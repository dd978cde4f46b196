import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Finished answers keyed by (normalised question, reader's group set, corpus revision, prompt, model).
 * The revision in the key means an ingest, delete or access change makes every older entry unreachable;
 * rows of older revisions are pruned lazily.
 */
export const answerCache = pgTable('answer_cache', {
  key: text().primaryKey(),
  revision: bigint({ mode: 'number' }).notNull(),
  result: jsonb().$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
