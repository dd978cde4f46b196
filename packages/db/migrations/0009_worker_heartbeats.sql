CREATE TABLE "worker_heartbeats" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"mode" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"last_reconcile_at" timestamp with time zone,
	"last_reconcile_requeued" integer
);
--> statement-breakpoint
CREATE INDEX "worker_heartbeats_last_seen_at_index" ON "worker_heartbeats" USING btree ("last_seen_at");