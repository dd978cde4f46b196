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

/** The Datasets page's export form: the CLI's `finetune export` options an analyst needs in a browser. */
export const datasetExportSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,80}$/, 'use 1 to 80 letters, digits, dots, dashes or underscores')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  verdicts: z
    .array(z.enum(['approved', 'corrected']))
    .min(1, 'choose approved, corrected or both')
    .default(['approved', 'corrected']),
  since: z.iso
    .date('use a date like 2026-11-01')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  distractors: z.number().int().min(0).max(5).default(0),
  validationShare: z.number().min(0).max(0.5).default(0.1),
})

export type DatasetExportRequest = z.infer<typeof datasetExportSchema>
