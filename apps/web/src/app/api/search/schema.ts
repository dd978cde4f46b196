import { MAX_SEARCH_RESULTS } from '@policydesk/inference'
import { z } from 'zod'

/** `GET /api/search?q=…&k=…`. */
export const searchParamsSchema = z.object({
  q: z.string().trim().min(1, 'the query is empty').max(1000, 'at most 1000 characters'),
  k: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).default(8),
})

export const searchPassageSchema = z.object({
  rank: z.number().int(),
  chunkId: z.uuid().describe('The passage: cite it by this id (handoff replies)'),
  documentId: z.uuid(),
  title: z.string(),
  versionId: z.uuid(),
  versionNo: z.number().int().nullable(),
  headingPath: z.array(z.string()),
  pageStart: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  text: z.string().describe('The passage; sentences addressed to an AI are replaced by a placeholder'),
  score: z.number(),
  url: z.string().describe('The original file of this version (same access rule)'),
})

export const searchResponseSchema = z.object({ passages: z.array(searchPassageSchema) })
export type SearchResponse = z.infer<typeof searchResponseSchema>
