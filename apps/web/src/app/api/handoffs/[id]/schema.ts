import { z } from 'zod'

/** `PATCH /api/handoffs/:id`: close or reopen, claim or hand back. */
export const updateHandoffSchema = z
  .object({ status: z.enum(['open', 'closed']).optional(), assigneeId: z.uuid().nullable().optional() })
  .refine((b) => b.status !== undefined || b.assigneeId !== undefined, {
    message: 'give status and/or assigneeId',
  })
