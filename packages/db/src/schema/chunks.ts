import { sql } from 'drizzle-orm'
import { index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core'
import { anyVector, id, tsvector } from './columns'
import { documentVersions } from './documents'

export const chunks = pgTable(
  'chunks',
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    ordinal: integer().notNull(),
    headingPath: text().array().notNull().default(sql`'{}'::text[]`),
    /** headingPath joined with ' > ': a plain column so the generated tsvector stays immutable. */
    heading: text().notNull().default(''),
    text: text().notNull(),
    charStart: integer().notNull(),
    charEnd: integer().notNull(),
    pageStart: integer(),
    pageEnd: integer(),
    tokenCount: integer().notNull(),
    tsv: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, heading), 'A') || setweight(to_tsvector('english'::regconfig, text), 'B')`,
      ),
  },
  (t) => [unique().on(t.versionId, t.ordinal), index('chunks_tsv_idx').using('gin', t.tsv)],
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
