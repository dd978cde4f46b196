CREATE INDEX "answer_traces_created_at_id_idx" ON "answer_traces" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "answer_traces_model_created_at_idx" ON "answer_traces" USING btree ("model","created_at");--> statement-breakpoint
CREATE INDEX "answer_traces_group_ids_idx" ON "answer_traces" USING gin ("group_ids");--> statement-breakpoint
CREATE INDEX "answer_traces_citations_idx" ON "answer_traces" USING gin ("citations" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "answer_traces_question_fts_idx" ON "answer_traces" USING gin (to_tsvector('english'::regconfig, "question"));--> statement-breakpoint
CREATE INDEX "answer_traces_abstained_idx" ON "answer_traces" USING btree ("created_at","id") WHERE "answer_traces"."abstained";--> statement-breakpoint
CREATE INDEX "answer_traces_validation_failed_idx" ON "answer_traces" USING btree ("created_at","id") WHERE (not "answer_traces"."abstained" and (jsonb_array_length("answer_traces"."validation"->'invalidCitations') > 0 or "answer_traces"."validation"->'sentences' @> '[{"claim": true, "supported": false}]'::jsonb));--> statement-breakpoint
CREATE INDEX "answer_traces_sample_order_idx" ON "answer_traces" USING btree (md5("id"::text));