import { z } from 'zod'

/** `PUT /api/review/answers/:id/review`: the answer's id and the verdict. */
export { traceIdSchema } from '@/lib/shared/review/trace-id'

export const reviewRequestSchema = z
  .object({
    verdict: z.enum(['approved', 'corrected', 'rejected']),
    labels: z.array(z.string().max(40)).max(20).default([]),
    notes: z.string().trim().max(4000, 'the notes are longer than 4000 characters').nullish(),
    correctedAnswer: z
      .string()
      .trim()
      .max(8000, 'the corrected answer is longer than 8000 characters')
      .nullish(),
    citedChunkIds: z.array(z.uuid()).max(20).default([]),
  })
  .refine((v) => v.verdict !== 'corrected' || Boolean(v.correctedAnswer), {
    message: 'a corrected review needs the corrected answer',
    path: ['correctedAnswer'],
  })

export type ReviewRequest = z.infer<typeof reviewRequestSchema>
