import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { users } from './users'

export const finetuneDatasets = pgTable('finetune_datasets', {
  id: id(),
  name: text().notNull(),
  format: text().notNull(),
  filter: jsonb().$type<Record<string, unknown>>().notNull(),
  stats: jsonb().$type<Record<string, unknown>>().notNull(),
  versionIds: uuid().array().notNull(),
  /** The JSONL itself: datasets are small and must be downloadable from any web replica. */
  content: text().notNull(),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
})

export const finetuneJobs = pgTable('finetune_jobs', {
  id: id(),
  datasetId: uuid()
    .notNull()
    .references(() => finetuneDatasets.id, { onDelete: 'cascade' }),
  provider: text().notNull(),
  externalFileId: text(),
  externalJobId: text(),
  baseModel: text().notNull(),
  status: text().notNull(),
  resultModel: text(),
  error: text(),
  events: jsonb().$type<{ at: string; message: string }[]>().notNull().default([]),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
})
