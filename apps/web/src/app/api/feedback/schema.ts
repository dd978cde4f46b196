import { z } from 'zod'
import { FEEDBACK_REASONS } from '@/lib/shared/chat/types'

const reasons = FEEDBACK_REASONS.map((r) => r.value) as [string, ...string[]]

export const feedbackRequestSchema = z.object({
  traceId: z.uuid(),
  rating: z.enum(['up', 'down']),
  reason: z.enum(reasons).nullish(),
  comment: z.string().trim().max(2000, 'the comment is longer than 2000 characters').nullish(),
})

export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>
