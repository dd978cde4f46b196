import { handoffStatuses } from '@policydesk/db/schema'
import { z } from 'zod'

const note = z.string().trim().max(2000, 'the note is longer than 2000 characters')

/** `POST /api/handoffs`: the answer (trace) or conversation to hand to a person. */
export const createHandoffSchema = z
  .object({ traceId: z.uuid().optional(), conversationId: z.uuid().optional(), note: note.nullish() })
  .refine((b) => Boolean(b.traceId) !== Boolean(b.conversationId), {
    message: 'give exactly one of traceId and conversationId',
  })

export const listHandoffsQuerySchema = z.object({
  status: z.enum(handoffStatuses).optional(),
  /** `1`: only the handoffs I asked. */
  mine: z.enum(['1', 'true']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
})

export type CreateHandoffRequest = z.infer<typeof createHandoffSchema>
