import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

const ingestEnvSchema = z.object({
  /** Largest accepted upload, in megabytes. */
  INGEST_MAX_MB: z.coerce.number().positive().max(1024).default(50),
  INGEST_CHUNK_TOKENS: z.coerce.number().int().min(50).max(4000).default(400),
  INGEST_CHUNK_OVERLAP: z.coerce.number().int().min(0).max(1000).default(40),
})

export type IngestEnv = z.infer<typeof ingestEnvSchema>

export function readIngestEnv(source: NodeJS.ProcessEnv = process.env): IngestEnv {
  return parseEnv(ingestEnvSchema, source)
}
