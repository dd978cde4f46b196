CREATE TABLE "answer_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
