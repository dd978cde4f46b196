import { z } from 'zod'

/** `GET /api/review/curated?status=`. */
export const curatedListSchema = z.object({
  status: z.enum(['active', 'needs_review', 'retired']).optional(),
})
