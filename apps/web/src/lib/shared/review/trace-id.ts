import { z } from 'zod'

/** An answer (trace) id in a review route's path: shared by the routes under /api/review/answers/:id and /api/review/curated/:id. */
export const traceIdSchema = z.uuid()
