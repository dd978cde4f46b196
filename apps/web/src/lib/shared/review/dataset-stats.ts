import { z } from 'zod'

/**
 * The stats a dataset export records (`DatasetStats` in @policydesk/finetune), read back from jsonb.
 * Parsed rather than cast: rows written by an older exporter may lack a field, and the page must show
 * what is there instead of failing.
 */
const count = z.number().int().nonnegative().catch(0)

export const datasetStatsSchema = z.object({
  examples: count,
  train: count,
  validation: count,
  considered: count,
  tokens: z
    .object({ total: count, mean: z.number().catch(0), max: count })
    .catch({ total: 0, mean: 0, max: 0 }),
  labels: z
    .object({ approved: count, corrected: count, abstentions: count, augmentedContext: count })
    .catch({ approved: 0, corrected: 0, abstentions: 0, augmentedContext: 0 }),
  documents: z
    .object({ covered: count, slugs: z.array(z.string()).catch([]) })
    .catch({ covered: 0, slugs: [] }),
  distractors: z.object({ perExample: count, total: count }).catch({ perExample: 0, total: 0 }),
  pii: z.record(z.string(), count).catch({}),
  dropped: z.record(z.string(), count).catch({}),
})

export type DatasetStatsView = z.infer<typeof datasetStatsSchema>

export const parseDatasetStats = (raw: unknown): DatasetStatsView =>
  datasetStatsSchema.catch(datasetStatsSchema.parse({})).parse(raw)

/** The filter a dataset was exported with, as `key: value` pairs worth showing. */
export function describeFilter(filter: Record<string, unknown>): string[] {
  const parts: string[] = []
  const verdicts = filter.verdicts
  if (Array.isArray(verdicts)) parts.push(`verdicts ${verdicts.join(', ')}`)
  if (typeof filter.since === 'string') parts.push(`since ${filter.since.slice(0, 10)}`)
  if (typeof filter.distractors === 'number' && filter.distractors > 0)
    parts.push(`${filter.distractors} distractors`)
  if (typeof filter.validationShare === 'number') parts.push(`validation share ${filter.validationShare}`)
  if (typeof filter.analyst === 'string') parts.push(`as ${filter.analyst}`)
  return parts
}
