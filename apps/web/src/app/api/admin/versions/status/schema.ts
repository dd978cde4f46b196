import { z } from 'zod'

/**
 * `GET /api/admin/versions/status?ids=<versionId>,…`. The route splits the list on commas and drops
 * repeats, then checks it with `versionIdsSchema`; `versionStatusQuerySchema` is the query as the API
 * reference shows it.
 */
export const versionIdsSchema = z.array(z.uuid()).min(1).max(100)

export const versionStatusQuerySchema = z.object({
  ids: z.string().describe('Comma-separated version ids (at most 100)'),
})
