import { z } from 'zod'

/**
 * The parts of OpenAI's fine-tuning API responses this package relies on (unknown fields are ignored, so
 * compatible servers with extra fields work). https://platform.openai.com/docs/api-reference/fine-tuning
 */
export const fileObjectSchema = z.object({
  id: z.string().min(1),
  object: z.literal('file'),
  bytes: z.number().int().nonnegative(),
  created_at: z.number(),
  filename: z.string(),
  purpose: z.string(),
})

export const TERMINAL_STATUSES = ['succeeded', 'failed', 'cancelled'] as const

export const fineTuneJobSchema = z.object({
  id: z.string().min(1),
  object: z.literal('fine_tuning.job'),
  model: z.string(),
  created_at: z.number(),
  finished_at: z.number().nullish(),
  /** validating_files | queued | running | succeeded | failed | cancelled (servers may add more). */
  status: z.string().min(1),
  fine_tuned_model: z.string().nullish(),
  training_file: z.string(),
  validation_file: z.string().nullish(),
  trained_tokens: z.number().nullish(),
  /** Set when the job failed; some servers send `{}` or null otherwise. */
  error: z
    .object({ code: z.string().nullish(), message: z.string().nullish(), param: z.string().nullish() })
    .nullish(),
})

export const jobEventSchema = z.object({
  id: z.string(),
  object: z.literal('fine_tuning.job.event'),
  created_at: z.number(),
  level: z.string(),
  message: z.string(),
})

export const eventListSchema = z.object({
  object: z.literal('list'),
  data: z.array(jobEventSchema),
  has_more: z.boolean().optional(),
})

export const apiErrorSchema = z.object({
  error: z.object({ message: z.string(), type: z.string().nullish(), code: z.string().nullish() }),
})

export type FileObject = z.infer<typeof fileObjectSchema>
export type FineTuneJob = z.infer<typeof fineTuneJobSchema>
export type JobEvent = z.infer<typeof jobEventSchema>

export const isTerminal = (status: string) => (TERMINAL_STATUSES as readonly string[]).includes(status)
