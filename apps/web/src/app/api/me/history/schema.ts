import { z } from 'zod'

/** Deleting everything is never a side effect of a stray request: the body must say so. */
export const confirmation = z.object({ confirm: z.literal(true) }).strict()
