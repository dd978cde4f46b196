CREATE TABLE "version_term_stats" (
	"term" text NOT NULL,
	"version_id" uuid NOT NULL,
	"df" integer NOT NULL,
	CONSTRAINT "version_term_stats_term_version_id_pk" PRIMARY KEY("term","version_id")
);
--> statement-breakpoint
DROP INDEX "chunks_tsv_idx";--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "terms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "term_freqs" real[] DEFAULT '{}'::real[] NOT NULL;--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "term_count" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_traces" ADD COLUMN "answerability" jsonb;--> statement-breakpoint
ALTER TABLE "answer_traces" ADD COLUMN "retrieval" jsonb;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "term_total" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "version_term_stats" ADD CONSTRAINT "version_term_stats_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "version_term_stats_version_id_index" ON "version_term_stats" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "chunks_terms_idx" ON "chunks" USING gin ("terms");--> statement-breakpoint
ALTER TABLE "chunks" DROP COLUMN "tsv";