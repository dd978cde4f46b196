import { z } from 'zod'

/** `POST /api/handoffs/:id/reply`: the person's answer, and the passages it cites (checked against the asker's access). */
export const replySchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'the reply is empty')
    .max(10_000, 'the reply is longer than 10000 characters'),
  citations: z
    .array(z.object({ chunkId: z.uuid(), quote: z.string().trim().max(1000).optional() }))
    .max(20, 'at most 20 citations')
    .optional(),
})

export type ReplyRequest = z.infer<typeof replySchema>
