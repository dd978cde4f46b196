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
    /**
     * Tool calling for OpenAI-compatible models (profile, date arithmetic, scoped search, handoff proposal;
     * docs/ARCHITECTURE.md, "Tools"). Ignored by the built-in answerer. `off` for models without tool support.
     */
    LLM_TOOLS: z.enum(['on', 'off']).default('on'),
    /** USD per million tokens, for the cost column of traces: "model=in/out,model=in/out". */
    LLM_PRICES: z.string().default('gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10,gpt-4.1-mini=0.4/1.6'),
    /**
     * Weighted RRF. Unset: 0 with the built-in (lexical) embedder, 1 with a configured model
     * (docs/quality.md, "Fusion"). A side with weight 0 is not queried.
     */
    RETRIEVAL_VECTOR_WEIGHT: z.coerce.number().min(0).max(10).optional(),
    RETRIEVAL_TEXT_WEIGHT: z.coerce.number().min(0).max(10).default(1),
    /** BM25 term-frequency saturation and length normalisation (docs/quality.md). */
    RETRIEVAL_BM25_K1: z.coerce.number().min(0).max(10).default(1.2),
    RETRIEVAL_BM25_B: z.coerce.number().min(0).max(1).default(0.75),
    RETRIEVAL_CANDIDATES: z.coerce.number().int().min(5).max(500).default(40),
    RETRIEVAL_CONTEXT_TOKENS: z.coerce.number().int().min(100).max(100_000).default(1_800),
    RETRIEVAL_MAX_SOURCES: z.coerce.number().int().min(1).max(50).default(6),
    /**
     * Boost of the fused score of a passage restricted to the asker's profile (their country's rule over
     * the general one): fused × (1 + boost). 0 turns it off; passages for other profiles are excluded anyway.
     */
    RETRIEVAL_PROFILE_BOOST: z.coerce.number().min(0).max(5).default(0.25),
    ANSWER_CACHE: z.enum(['on', 'off']).default('on'),
    /** Answerability below which the pipeline abstains without generating (docs/quality.md, "Abstention"). */
    ANSWER_ABSTAIN_BELOW: z.coerce.number().min(0).max(1).default(0.5),
    RANKER: rankerSetting,
    /** Optional cross-encoder re-ranking over the `/rerank` HTTP protocol (docs/reranking.md). */
    RERANK_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    RERANK_MODEL: z.string().trim().min(1).optional(),
    RERANK_API_KEY: z.string().min(1).optional(),
    /** Unset: `cohere` when RERANK_MODEL is set (Cohere, Jina, vLLM need or take a model), else `tei`. */
    RERANK_PROTOCOL: z.enum(['tei', 'cohere']).optional(),
    /** The whole call, body included; then the fused order is used. Short: it is on every question. */
    RERANK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    /** How many of the top fused candidates are sent; the rest keep their order after them. */
    RERANK_TOP_N: z.coerce.number().int().min(2).max(200).default(20),
  })
  .refine((env) => !env.LLM_BASE_URL || env.LLM_MODEL, { message: 'LLM_BASE_URL needs LLM_MODEL' })
  .refine((env) => env.RERANK_PROTOCOL !== 'cohere' || env.RERANK_MODEL, {
    path: ['RERANK_MODEL'],
    message: 'is required with RERANK_PROTOCOL=cohere (Cohere and Jina reject requests without a model)',
  })
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
