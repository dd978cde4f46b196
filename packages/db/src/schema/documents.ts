import { sql } from 'drizzle-orm'
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { bytea, id, timestamps } from './columns'
import type { Applicability } from './profiles'
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
    /** Whom the document applies to (countries, offices, contracts, departments); {} = everyone. */
    applicability: jsonb().$type<Applicability>().notNull().default({}),
    /**
     * Applicability suggested from the text at ingestion ("Portugal", "US employees"), waiting for an admin
     * to confirm it into `applicability`. Null = nothing suggested, or already confirmed/dismissed.
     */
    suggestedApplicability: jsonb().$type<Applicability>(),
    /** Who answers handoffs about this document; null = the handoff falls back to HANDOFF_DEFAULT_GROUP. */
    ownerGroupId: uuid().references(() => groups.id, { onDelete: 'set null' }),
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
    /** Processing attempts started since upload (or since an admin's retry). */
    attempts: integer().notNull().default(0),
    /**
     * Attempts that never finished: the worker was killed, crashed or lost the job while processing. At
     * INGEST_MAX_ATTEMPTS the version is failed as a poison job instead of being queued again.
     */
    stoppedAttempts: integer().notNull().default(0),
    /** Set while an attempt runs, cleared when it ends; still set at the next start = that attempt stopped. */
    attemptStartedAt: timestamp({ withTimezone: true }),
    /**
     * Access groups a replace asked for that widen access: applied in the transaction that makes this
     * version current, never before, and dropped if the version fails. Null = no pending change.
     */
    pendingGroups: text().array(),
    chunkCount: integer().notNull().default(0),
    /** Sum of the chunks' term counts: with chunkCount, BM25's average unit length over visible versions. */
    termTotal: real().notNull().default(0),
    /**
     * Version of the tokenizer the chunks' BM25 terms were computed with (`TERMS_VERSION` in
     * @policydesk/text); `policydesk db migrate` recomputes versions indexed by an older one.
     */
    termsVersion: integer().notNull().default(0),
    pageCount: integer(),
    /** Pieces of text hidden from readers (display:none, white or tiny text, hidden runs) left out at parse. */
    hiddenTextDropped: integer().notNull().default(0),
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
