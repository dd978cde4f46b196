import type { UntrustedSpan } from '@policydesk/text'
import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, primaryKey, real, text, unique, uuid } from 'drizzle-orm/pg-core'
import { anyVector, id, tsvector } from './columns'
import { documentVersions } from './documents'
import type { Applicability } from './profiles'

export const chunks = pgTable(
  'chunks',
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    ordinal: integer().notNull(),
    headingPath: text().array().notNull().default(sql`'{}'::text[]`),
    /** headingPath joined with ' > ', for display. */
    heading: text().notNull().default(''),
    text: text().notNull(),
    charStart: integer().notNull(),
    charEnd: integer().notNull(),
    pageStart: integer(),
    pageEnd: integer(),
    tokenCount: integer().notNull(),
    /**
     * The BM25 index of this unit (`termFrequencies` in @policydesk/text, over the text plus the document
     * title and heading path): distinct stemmed terms, sorted, with their frequencies at the same positions,
     * and the unit's length in terms. Computed by ingestion in TypeScript, so ingestion and the query side
     * share one tokenizer and stemmer.
     */
    terms: text().array().notNull().default(sql`'{}'::text[]`),
    termFreqs: real().array().notNull().default(sql`'{}'::real[]`),
    termCount: real().notNull().default(0),
    /**
     * `terms` as a tsvector (no positions): the candidate filter. `tsvector @@ tsquery` binary-searches
     * its sorted lexemes and has a compact GIN index; `text[] && text[]` compared every element pair and
     * took twice as long per row (docs/benchmarks.md, "BM25").
     */
    termIndex: tsvector().notNull().generatedAlwaysAs(sql`array_to_tsvector(terms)`),
    /**
     * Sentences addressed to an AI or overriding its instructions (findUntrustedSpans in @policydesk/text),
     * as offsets into `text`: shown to admins, never quoted in answers. Set when the version is stored.
     */
    untrusted: jsonb().$type<UntrustedSpan[]>().notNull().default(sql`'[]'::jsonb`),
    /**
     * Applicability of this unit's section when its heading says so ("Portugal", "US employees"), narrower
     * than the document's; null = the document's applies.
     */
    applicability: jsonb().$type<Applicability>(),
  },
  (t) => [unique().on(t.versionId, t.ordinal), index('chunks_term_index_idx').using('gin', t.termIndex)],
)

/**
 * Document frequencies per version: in how many of the version's chunks each term occurs. Written in the
 * transaction that stores the version's chunks and removed with it, and summed at query time over the
 * versions the reader may see, so BM25's IDF can never use statistics of a stale version, a deleted
 * document or a document outside the reader's groups (docs/quality.md, "BM25").
 */
export const versionTermStats = pgTable(
  'version_term_stats',
  {
    term: text().notNull(),
    versionId: uuid()
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    df: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.term, t.versionId] }), index().on(t.versionId)],
)

/**
 * Embeddings per (chunk, model): changing the embedding model is a background re-embed, not a schema
 * change. Each model has a partial HNSW index on `embedding::vector(dims)`, created by ensureEmbeddingIndex.
 */
export const chunkEmbeddings = pgTable(
  'chunk_embeddings',
  {
    chunkId: uuid()
      .notNull()
      .references(() => chunks.id, { onDelete: 'cascade' }),
    model: text().notNull(),
    dimensions: integer().notNull(),
    embedding: anyVector().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chunkId, t.model] }), index().on(t.model)],
)

export type Chunk = typeof chunks.$inferSelect
