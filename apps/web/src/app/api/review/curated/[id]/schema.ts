import { z } from 'zod'

/** `POST /api/review/curated/:id`: the curated answer's id and what to do with it. */
export { traceIdSchema } from '@/lib/shared/review/trace-id'

export const curatedActionSchema = z.object({ action: z.enum(['reapprove', 'retire']) })
