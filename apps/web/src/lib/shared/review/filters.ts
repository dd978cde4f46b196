import type { AnswerLogFilters, LogCursor } from '@policydesk/db'
import { z } from 'zod'
import { decodeLogCursor } from '@/lib/shared/review/cursor'

const DAY_MS = 86_400_000
/** A real calendar day: `2026-13-01` or `2026-02-30` are refused here, not turned into Invalid Date in SQL. */
const day = z.iso.date('must be a date (YYYY-MM-DD)')
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional())

/** The answers log's query string, as the filter form and the export link write it. */
export const logQuerySchema = z
  .object({
    from: optional(day),
    to: optional(day),
    feedback: optional(z.enum(['up', 'down', 'none'])),
    abstained: optional(z.enum(['yes', 'no'])),
    validation: optional(z.enum(['failed', 'passed'])),
    lowScore: optional(z.enum(['1'])),
    group: optional(z.uuid()),
    doc: optional(z.uuid()),
    model: optional(z.string().trim().min(1).max(100)),
    review: optional(z.enum(['unreviewed', 'reviewed', 'approved', 'corrected', 'rejected'])),
    q: optional(z.string().trim().max(200, 'the search is longer than 200 characters')),
    cursor: optional(z.string().max(200)),
    dir: optional(z.enum(['older', 'newer'])),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '"from" is after "to"', path: ['from'] })

export type LogQuery = z.infer<typeof logQuerySchema>

/** Only the filter fields (no paging), e.g. for links that keep the filters. */
export const FILTER_KEYS = [
  'from',
  'to',
  'feedback',
  'abstained',
  'validation',
  'lowScore',
  'group',
  'doc',
  'model',
  'review',
  'q',
] as const satisfies readonly (keyof LogQuery)[]

type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>

/** First value of each key (repeated keys are not meaningful here). */
export function searchParamsToRecord(input: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {}
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) if (!(k in out)) out[k] = v
  } else {
    for (const [k, v] of Object.entries(input)) {
      const first = Array.isArray(v) ? v[0] : v
      if (first !== undefined) out[k] = first
    }
  }
  return out
}

export type ParsedLogQuery =
  | { ok: true; query: LogQuery; filters: AnswerLogFilters; cursor: LogCursor | undefined }
  | { ok: false; error: string }

/** Query string → database filters. `to` is inclusive (whole UTC day); "low score" uses the threshold. */
export function parseLogQuery(input: SearchParamsInput, lowScoreThreshold: number): ParsedLogQuery {
  const parsed = logQuerySchema.safeParse(searchParamsToRecord(input))
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '),
    }
  }
  const q = parsed.data
  const cursor = q.cursor ? decodeLogCursor(q.cursor) : undefined
  if (cursor === null) return { ok: false, error: 'cursor: not a valid page token' }
  const filters: AnswerLogFilters = {
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
    feedback: q.feedback,
    abstained: q.abstained === undefined ? undefined : q.abstained === 'yes',
    validationFailed: q.validation === undefined ? undefined : q.validation === 'failed',
    topScoreBelow: q.lowScore ? lowScoreThreshold : undefined,
    groupId: q.group,
    documentId: q.doc,
    model: q.model,
    review: q.review,
    search: q.q,
  }
  return { ok: true, query: q, filters, cursor }
}

/** A query string with the given filters (and optional paging), without empty values. */
export function logQueryString(query: Partial<LogQuery>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = query[key]
    if (value) params.set(key, value)
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** How many filters are active (for "3 filters" badges and empty-state wording). */
export function activeFilterCount(query: Partial<LogQuery>): number {
  return FILTER_KEYS.filter((k) => Boolean(query[k])).length
}
