import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const jobsEnvSchema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** `inline` forces in-process jobs even when Redis could be started (handy for one-off scripts). */
  POLICYDESK_JOBS: z.enum(['auto', 'inline']).default('auto'),
})

export type JobsEnv = z.infer<typeof jobsEnvSchema>

export function readJobsEnv(source: NodeJS.ProcessEnv = process.env): JobsEnv {
  return parseEnv(jobsEnvSchema, source)
}
