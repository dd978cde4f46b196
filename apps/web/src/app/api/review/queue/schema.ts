import { z } from 'zod'

/** `GET /api/review/queue?after=&direction=`: `after` is a position token from an earlier answer. */
export const queueQuerySchema = z.object({
  after: z.string().max(200).optional(),
  direction: z.enum(['next', 'previous']).default('next'),
})
