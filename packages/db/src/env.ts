import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The embedded database daemon exits after this long without clients. */
  POLICYDESK_DB_IDLE_MS: z.coerce.number().int().min(500).default(30_000),
  /**
   * Port for the embedded database daemon; unset = any free port. `policydesk start` sets it when it
   * restarts a crashed daemon, so the web app and worker find it again at the URL they were given.
   */
  POLICYDESK_DB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Where the migration files are, when the code runs bundled away from packages/db (standalone web). */
  POLICYDESK_MIGRATIONS_DIR: z.string().min(1).optional(),
  /** Connections the pool may open. The embedded server serializes them anyway; a small pool is enough. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
})

export type DbEnv = z.infer<typeof dbEnvSchema>

export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  return parseEnv(dbEnvSchema, source)
}

const handoffEnvSchema = z
  .object({
    /** Where handoff events are posted (handoff.created, handoff.replied); unset = no webhook. */
    HANDOFF_WEBHOOK_URL: z.url().optional(),
    /** HMAC-SHA256 key of X-PolicyDesk-Signature (docs/api.md); required with HANDOFF_WEBHOOK_URL. */
    HANDOFF_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Delay before the second delivery attempt; doubles after each failure (5 attempts in all). */
    HANDOFF_WEBHOOK_RETRY_MS: z.coerce.number().int().min(0).default(10_000),
    /** `tag:group,tag2:group2`: owners of documents without an owner group, by tag. */
    HANDOFF_TAG_OWNERS: z.string().default(''),
    /** Where a handoff goes when its document has no owner (by group, nor tag). */
    HANDOFF_DEFAULT_GROUP: z.string().trim().min(1).default('hr'),
  })
  .refine((env) => !env.HANDOFF_WEBHOOK_URL || env.HANDOFF_WEBHOOK_SECRET, {
    message: 'HANDOFF_WEBHOOK_SECRET is required when HANDOFF_WEBHOOK_URL is set',
    path: ['HANDOFF_WEBHOOK_SECRET'],
  })

export type HandoffEnv = z.infer<typeof handoffEnvSchema>

/** Handoff routing and webhook settings, read by the web app (routing, first delivery) and the worker (retries). */
export function readHandoffEnv(source: NodeJS.ProcessEnv = process.env): HandoffEnv {
  return parseEnv(handoffEnvSchema, source)
}
