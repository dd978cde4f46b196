import 'server-only'
import { z } from 'zod'

const webEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
})

export type WebEnv = z.infer<typeof webEnvSchema>

let cached: WebEnv | undefined

export function webEnv(): WebEnv {
  if (!cached) {
    const parsed = webEnvSchema.safeParse(process.env)
    if (!parsed.success) {
      throw new Error(
        `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      )
    }
    cached = parsed.data
  }
  return cached
}
