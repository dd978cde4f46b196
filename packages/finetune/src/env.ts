import { z } from 'zod'

/** Regex sources as a JSON array, each compiled once here so a typo is a startup error. */
const patternList = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw || raw.trim() === '') return []
    let list: unknown
    try {
      list = JSON.parse(raw)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of regular expressions' })
      return z.NEVER
    }
    const parsed = z.array(z.string().min(1)).safeParse(list)
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of non-empty strings' })
      return z.NEVER
    }
    for (const source of parsed.data) {
      try {
        new RegExp(source, 'g')
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `invalid pattern ${source}: ${error instanceof Error ? error.message : String(error)}`,
        })
        return z.NEVER
      }
    }
    return parsed.data
  })

const finetuneEnvSchema = z.object({
  /** OpenAI-compatible API that runs fine-tuning jobs; defaults to the chat provider's. */
  FINETUNE_BASE_URL: z.url().optional(),
  FINETUNE_API_KEY: z.string().min(1).optional(),
  LLM_BASE_URL: z.url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  FINETUNE_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
  /** Retries of 5xx, 429 and network errors (4xx other than 429 are never retried). */
  FINETUNE_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  FINETUNE_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  /** Extra PII patterns scrubbed from datasets, e.g. '["EMP-\\\\d{6}"]' for employee numbers. */
  FINETUNE_PII_PATTERNS: patternList,
})

export type FinetuneEnv = z.infer<typeof finetuneEnvSchema>

export function readFinetuneEnv(source: NodeJS.ProcessEnv = process.env): FinetuneEnv {
  const parsed = finetuneEnvSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  return parsed.data
}

export type ProviderConfig = { baseUrl: string; apiKey: string | null }

/** FINETUNE_BASE_URL / FINETUNE_API_KEY, else the chat provider's LLM_BASE_URL / LLM_API_KEY. */
export function finetuneProvider(env: FinetuneEnv = readFinetuneEnv()): ProviderConfig {
  const baseUrl = env.FINETUNE_BASE_URL ?? env.LLM_BASE_URL
  if (!baseUrl)
    throw new Error(
      'No fine-tuning provider: set FINETUNE_BASE_URL (e.g. https://api.openai.com/v1) and FINETUNE_API_KEY, or LLM_BASE_URL',
    )
  // The chat key is only reused for the chat provider's own host, never sent to another one.
  const apiKey = env.FINETUNE_BASE_URL
    ? (env.FINETUNE_API_KEY ?? null)
    : (env.FINETUNE_API_KEY ?? env.LLM_API_KEY ?? null)
  return { baseUrl: baseUrl.replace(/\/+$/, ''), apiKey }
}
