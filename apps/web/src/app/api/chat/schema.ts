import { z } from 'zod'

export const MAX_MESSAGE_LENGTH = 4000

export const chatRequestSchema = z.object({
  conversationId: z.uuid().optional(),
  message: z
    .string()
    .trim()
    .min(1, 'the message is empty')
    .max(MAX_MESSAGE_LENGTH, `the message is longer than ${MAX_MESSAGE_LENGTH} characters`),
})

export type ChatRequest = z.infer<typeof chatRequestSchema>
