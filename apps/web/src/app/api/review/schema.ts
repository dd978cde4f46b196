import { z } from 'zod'

export const traceIdSchema = z.uuid()

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

export const curatedActionSchema = z.object({ action: z.enum(['reapprove', 'retire']) })

export const curatedListSchema = z.object({
  status: z.enum(['active', 'needs_review', 'retired']).optional(),
})

export const queueQuerySchema = z.object({
  after: z.string().max(200).optional(),
  direction: z.enum(['next', 'previous']).default('next'),
})

export const exportQuerySchema = z.object({ format: z.enum(['csv', 'jsonl']).default('csv') })

export const datasetDownloadSchema = z.object({ part: z.enum(['all', 'train', 'validation']).default('all') })
