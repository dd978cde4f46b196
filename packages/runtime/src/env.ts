import { z } from 'zod'
import { parseEnv } from './parse-env'

const logLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent'])

const runtimeEnvSchema = z
  .object({
    POLICYDESK_DATA_DIR: z.string().min(1).optional(),
    LOG_LEVEL: logLevel.optional(),
    /** The name before LOG_LEVEL existed; still honoured when LOG_LEVEL is unset. */
    POLICYDESK_LOG_LEVEL: logLevel.optional(),
    /** auto: human-readable on a terminal, JSON lines otherwise. */
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    /** on: questions and answers appear in logs (personal data: off by default). */
    LOG_CONTENT: z.enum(['on', 'off']).default('off'),
  })
  .transform(({ LOG_LEVEL, POLICYDESK_LOG_LEVEL, ...rest }) => ({
    ...rest,
    LOG_LEVEL: LOG_LEVEL ?? POLICYDESK_LOG_LEVEL ?? 'info',
  }))

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>

/** Parses the runtime variables; a bad value is a clear startup error, never a silent default. */
export function readRuntimeEnv(source: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  return parseEnv(runtimeEnvSchema, source)
}

/** The environment a child process inherits, plus overrides: the one sanctioned way to pass env on. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides }
}
