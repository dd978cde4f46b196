import type { z } from 'zod'

/**
 * Validates environment variables against a package's schema. A bad value stops the process with a message
 * naming every offending variable, never a silent default.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'environment'} ${i.message}`)
      .join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  return parsed.data
}
