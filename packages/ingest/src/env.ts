import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'
import type { ChunkOptions } from './chunk/chunk-document'
import type { PdfLimits } from './parse/pdf-limits'

const ingestEnvSchema = z.object({
  /** Largest accepted upload, in megabytes. */
  INGEST_MAX_MB: z.coerce.number().positive().max(1024).default(50),
  /** Retrieval unit size: small units spend the context budget on the answer (docs/quality.md). */
  INGEST_CHUNK_TOKENS: z.coerce.number().int().min(50).max(4000).default(160),
  INGEST_CHUNK_OVERLAP: z.coerce.number().int().min(0).max(1000).default(16),
  /**
   * How many times processing of one version may stop without finishing (worker killed, crashed, lost the
   * job) before the version is failed as a poison job instead of being queued again.
   */
  INGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(3),
  /** Longest one processing attempt may take (parse + chunk + embed + store); then the version fails. */
  INGEST_JOB_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(24 * 3600_000)
    .default(600_000),
  /** PDFs with more pages are rejected. */
  INGEST_PDF_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(2000),
  /** All Flate streams of a PDF together may expand to at most this many megabytes (PDF bombs). */
  INGEST_PDF_MAX_DECOMPRESSED_MB: z.coerce.number().positive().max(16_384).default(512),
  /** Wall time allowed to read one PDF, in milliseconds. */
  INGEST_PARSE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  /**
   * `policydesk ingest --wait` builds the vector index after the load instead of row by row when the load is
   * estimated at this many passages or more and is big next to what is indexed (bulk-load.ts); 0 = never.
   */
  INGEST_BULK_MIN_PASSAGES: z.coerce.number().int().min(0).max(100_000_000).default(2000),
})

export type IngestEnv = z.infer<typeof ingestEnvSchema>

/** Chunker settings from the environment; fragments under 15% of a unit merge into a neighbour. */
export function chunkOptionsFromEnv(env: IngestEnv = readIngestEnv()): ChunkOptions {
  return {
    maxTokens: env.INGEST_CHUNK_TOKENS,
    overlapTokens: Math.min(env.INGEST_CHUNK_OVERLAP, Math.floor(env.INGEST_CHUNK_TOKENS / 2)),
    minTokens: Math.round(env.INGEST_CHUNK_TOKENS * 0.15),
  }
}

export function readIngestEnv(source: NodeJS.ProcessEnv = process.env): IngestEnv {
  return parseEnv(ingestEnvSchema, source)
}

/** The PDF limits the environment sets (defaults as in defaultPdfLimits). */
export function readPdfLimits(source: NodeJS.ProcessEnv = process.env): PdfLimits {
  const env = readIngestEnv(source)
  return {
    maxPages: env.INGEST_PDF_MAX_PAGES,
    maxDecompressedBytes: env.INGEST_PDF_MAX_DECOMPRESSED_MB * 1024 * 1024,
    timeoutMs: env.INGEST_PARSE_TIMEOUT_MS,
  }
}
