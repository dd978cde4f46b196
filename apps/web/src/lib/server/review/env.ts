import 'server-only'
import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'
import { parseLabelList } from '@/lib/shared/review/labels'

const reviewEnvSchema = z.object({
  /** Labels an analyst can attach to a review (comma-separated, lower-case slugs). */
  REVIEW_LABELS: z.string().default('wrong-source,missing-doc,outdated,hallucination,tone'),
  /**
   * "Low retrieval score" filter: the top candidate's fused (weighted RRF) score below this. With the default
   * weights a passage ranked first by both sides scores 1.5/61 ≈ 0.0246, first by text only 0.0164.
   */
  REVIEW_LOW_SCORE_THRESHOLD: z.coerce.number().positive().max(1).default(0.65),
})

export type ReviewEnv = { labels: string[]; lowScoreThreshold: number }

let cached: ReviewEnv | undefined

export function reviewEnv(): ReviewEnv {
  if (!cached) {
    const env = parseEnv(reviewEnvSchema, process.env)
    cached = { labels: parseLabelList(env.REVIEW_LABELS), lowScoreThreshold: env.REVIEW_LOW_SCORE_THRESHOLD }
  }
  return cached
}
