import { z } from 'zod'

/** `POST /api/handoffs/:id/promote`: which reply becomes the curated answer. */
export const promoteSchema = z.object({ replyId: z.uuid() })
