import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'
import { loadRanker } from './retrieve/rerank'

/** A learned re-ranker artifact (`policydesk finetune train-ranker`) or `off` (default). */
const rankerSetting = z.string().trim().min(1).default('off')

const inferenceEnvSchema = z
  .object({
    LLM_BASE_URL: z.url().optional(),
    LLM_MODEL: z.string().min(1).optional(),
    LLM_API_KEY: z.string().min(1).optional(),
    /** A second model tried when the first keeps failing (e.g. a smaller or self-hosted one). */
    LLM_FALLBACK_MODEL: z.string().min(1).optional(),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(60_000),
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
    /** USD per million tokens, for the cost column of traces: "model=in/out,model=in/out". */
    LLM_PRICES: z.string().default('gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10,gpt-4.1-mini=0.4/1.6'),
    /** Weighted RRF; defaults tuned for the built-in embedder on samples/ (docs/quality.md). */
    RETRIEVAL_VECTOR_WEIGHT: z.coerce.number().min(0).max(10).default(0.5),
    RETRIEVAL_TEXT_WEIGHT: z.coerce.number().min(0).max(10).default(1),
    RETRIEVAL_CANDIDATES: z.coerce.number().int().min(5).max(500).default(40),
    RETRIEVAL_CONTEXT_TOKENS: z.coerce.number().int().min(100).max(100_000).default(1_800),
    RETRIEVAL_MAX_SOURCES: z.coerce.number().int().min(1).max(50).default(6),
    ANSWER_CACHE: z.enum(['on', 'off']).default('on'),
    RANKER: rankerSetting,
  })
  .refine((env) => !env.LLM_BASE_URL || env.LLM_MODEL, { message: 'LLM_BASE_URL needs LLM_MODEL' })
  .superRefine((env, ctx) => {
    // Loading here makes a missing or malformed artifact a startup error (createInferenceDeps reads the
    // env), not a failure on the first question. loadRanker caches, so later reads cost nothing.
    if (env.RANKER === 'off') return
    try {
      loadRanker(env.RANKER)
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['RANKER'],
        message: error instanceof Error ? error.message : String(error),
      })
    }
  })

export type InferenceEnv = z.infer<typeof inferenceEnvSchema>

export function readInferenceEnv(source: NodeJS.ProcessEnv = process.env): InferenceEnv {
  return parseEnv(inferenceEnvSchema, source)
}

/** RANKER alone, for the retrieval path: cheaper than the whole schema and unaffected by unrelated variables. */
export function readRankerSetting(source: NodeJS.ProcessEnv = process.env): string {
  const parsed = rankerSetting.safeParse(source.RANKER)
  return parsed.success ? parsed.data : 'off'
}
