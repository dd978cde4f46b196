import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const cliEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the demo corpus lives (samples/ in the repo by default). */
  POLICYDESK_SAMPLES_DIR: z.string().min(1).optional(),
  /** Passed to the web app; `policydesk start` defaults it to dev sign-in (a local, single-machine run). */
  AUTH_MODE: z.enum(['dev', 'oidc']).optional(),
})

export type CliEnv = z.infer<typeof cliEnvSchema>

export function readCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  return parseEnv(cliEnvSchema, source)
}
