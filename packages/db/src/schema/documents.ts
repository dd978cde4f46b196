import { sql } from 'drizzle-orm'
import {
  bigint,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { bytea, id, timestamps } from './columns'
import { groups, users } from './users'

export const versionStatuses = ['queued', 'processing', 'ready', 'failed'] as const
export const versionStatus = pgEnum('version_status', versionStatuses)
export type VersionStatus = (typeof versionStatuses)[number]

/** Finer than status: what the worker is doing right now, shown as live progress. */
export const ingestStages = [
  'queued',
  'parsing',
  'chunking',
  'embedding',
  'storing',
  'ready',
  'failed',
] as const
export type IngestStage = (typeof ingestStages)[number]

export const documents = pgTable(
  'documents',
  {
    id: id(),
    /** Stable human key (the file name without extension for CLI ingests); re-ingesting it adds a version. */
    slug: text().notNull().unique(),
    title: text().notNull(),
    sourceName: text().notNull(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** The version retrieval reads. Switched only when a newer version is fully stored. */
    currentVersionId: uuid(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.currentVersionId)],
)

export const documentVersions = pgTable(
  'document_versions',
  {
    id: id(),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    versionNo: integer().notNull(),
    sha256: text().notNull(),
    sizeBytes: integer().notNull(),
    /** What the uploader claimed; the worker detects the real type from the bytes. */
    declaredMime: text().notNull().default('application/octet-stream'),
    detectedMime: text(),
    /** Null after a purge. */
    content: bytea(),
    status: versionStatus().notNull().default('queued'),
    stage: text().$type<IngestStage>().notNull().default('queued'),
    progress: integer().notNull().default(0),
    error: text(),
    attempts: integer().notNull().default(0),
    chunkCount: integer().notNull().default(0),
    pageCount: integer(),
    effectiveDate: date(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    processedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    unique().on(t.documentId, t.versionNo),
    unique().on(t.documentId, t.sha256),
    index().on(t.status, t.updatedAt),
  ],
)

export const documentGroups = pgTable(
  'document_groups',
  {
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    groupId: uuid()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.groupId] }), index().on(t.groupId)],
)

/**
 * A single-row counter bumped in the same transaction as anything that changes what retrieval can see
 * (a version becoming current, a delete, an access change). Answer-cache keys include it.
 */
export const corpusRevision = pgTable('corpus_revision', {
  id: integer().primaryKey().default(1),
  revision: bigint({ mode: 'number' }).notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export type Document = typeof documents.$inferSelect
export type DocumentVersion = typeof documentVersions.$inferSelect
