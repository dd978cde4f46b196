import { z } from 'zod'

const cliEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the demo corpus lives (samples/ in the repo by default). */
  POLICYDESK_SAMPLES_DIR: z.string().min(1).optional(),
})

export type CliEnv = z.infer<typeof cliEnvSchema>

export function readCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = cliEnvSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  return parsed.data
}
