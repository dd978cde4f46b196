DROP INDEX "chunks_terms_idx";--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "term_index" "tsvector" GENERATED ALWAYS AS (array_to_tsvector(terms)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "untrusted" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "hidden_text_dropped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "chunks_term_index_idx" ON "chunks" USING gin ("term_index");