CREATE TYPE "public"."curated_status" AS ENUM('active', 'needs_review', 'retired');--> statement-breakpoint
CREATE TABLE "curated_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question" text NOT NULL,
	"normalized_question" text NOT NULL,
	"answer" text NOT NULL,
	"citations" jsonb NOT NULL,
	"status" "curated_status" DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"source_trace_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "curated_answers" ADD CONSTRAINT "curated_answers_source_trace_id_answer_traces_id_fk" FOREIGN KEY ("source_trace_id") REFERENCES "public"."answer_traces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD CONSTRAINT "curated_answers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curated_answers_status_index" ON "curated_answers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "curated_answers_normalized_question_index" ON "curated_answers" USING btree ("normalized_question");