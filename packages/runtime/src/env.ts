import { z } from 'zod'
import { parseEnv } from './parse-env'

const runtimeEnvSchema = z.object({
  POLICYDESK_DATA_DIR: z.string().min(1).optional(),
  POLICYDESK_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
})

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>

/** Parses the runtime variables; a bad value is a clear startup error, never a silent default. */
export function readRuntimeEnv(source: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  return parseEnv(runtimeEnvSchema, source)
}

/** The environment a child process inherits, plus overrides: the one sanctioned way to pass env on. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides }
}
