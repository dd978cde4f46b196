import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Connections the pool may open. The embedded server serializes them anyway; a small pool is enough. */
  /** The embedded database daemon exits after this long without clients. */
  POLICYDESK_DB_IDLE_MS: z.coerce.number().int().min(500).default(30_000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
})

export type DbEnv = z.infer<typeof dbEnvSchema>

export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  return parseEnv(dbEnvSchema, source)
}
