import { z } from 'zod'

/**
 * `POST /api/review/datasets`: the Datasets page's export form, the CLI's `finetune export` options an
 * analyst needs in a browser.
 */
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
