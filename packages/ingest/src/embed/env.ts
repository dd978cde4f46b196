import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const embeddingsEnvSchema = z
  .object({
    EMBEDDINGS_BASE_URL: z.url().optional(),
    EMBEDDINGS_MODEL: z.string().min(1).optional(),
    EMBEDDINGS_API_KEY: z.string().min(1).optional(),
    EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(1).max(16000).optional(),
    EMBEDDINGS_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(64),
    /** Per request; a hung provider must not block questions for minutes. */
    EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(500).default(15_000),
    EMBEDDINGS_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  })
  .refine((env) => !env.EMBEDDINGS_BASE_URL || (env.EMBEDDINGS_MODEL && env.EMBEDDINGS_DIMENSIONS), {
    message: 'EMBEDDINGS_BASE_URL needs EMBEDDINGS_MODEL and EMBEDDINGS_DIMENSIONS',
  })

export type EmbeddingsEnv = z.infer<typeof embeddingsEnvSchema>

export function readEmbeddingsEnv(source: NodeJS.ProcessEnv = process.env): EmbeddingsEnv {
  return parseEnv(embeddingsEnvSchema, source)
}
