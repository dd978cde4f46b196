import type { DocumentSortKey, DocumentState, schema } from '@policydesk/db'
import { z } from 'zod'
import { isoDateSchema } from '@/lib/shared/admin/upload-fields'

/**
 * Query-string schemas of the documents table and the audit log, shared by the pages (GET forms, links)
 * and the JSON endpoints, so a URL copied from one works on the other.
 */

const versionStatuses = [
  'queued',
  'processing',
  'ready',
  'failed',
] as const satisfies readonly schema.VersionStatus[]
const sortKeys = ['title', 'status', 'uploaded', 'chunks'] as const satisfies readonly DocumentSortKey[]
const states = ['active', 'deleted', 'all'] as const satisfies readonly DocumentState[]

/** An empty form field means "no filter". */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max).optional(),
  )
const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional())

const pageSchema = z.coerce.number().int().min(1).max(100_000).default(1)
const pageSizeSchema = z.coerce.number().int().min(5).max(100).default(25)

export const documentSearchParamsSchema = z.object({
  q: optionalText(200),
  status: optionalEnum(versionStatuses),
  group: optionalText(64),
  tag: optionalText(40),
  state: z.enum(states).default('active'),
  sort: z.enum(sortKeys).default('title'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: pageSchema,
  pageSize: pageSizeSchema,
})
export type DocumentSearchParams = z.infer<typeof documentSearchParamsSchema>

export const auditSearchParamsSchema = z
  .object({
    action: optionalText(64),
    actor: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('actor must be a user id').optional()),
    from: z.preprocess((v) => (v === '' ? undefined : v), isoDateSchema.optional()),
    to: z.preprocess((v) => (v === '' ? undefined : v), isoDateSchema.optional()),
    page: pageSchema,
    pageSize: pageSizeSchema,
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: '"from" must not be after "to"',
    path: ['to'],
  })
export type AuditSearchParams = z.infer<typeof auditSearchParamsSchema>

/** Dates are whole days in UTC: `to` includes its day, so the bound is the next midnight. */
export function auditDateRange(params: Pick<AuditSearchParams, 'from' | 'to'>): { from?: Date; to?: Date } {
  const from = params.from ? new Date(`${params.from}T00:00:00Z`) : undefined
  const to = params.to ? new Date(new Date(`${params.to}T00:00:00Z`).getTime() + 24 * 3600 * 1000) : undefined
  return { from, to }
}

/** Next.js `searchParams` (string | string[]) or URLSearchParams → a plain object of first values. */
export function firstValues(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {}
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) if (!(key in out)) out[key] = value
    return out
  }
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value
    if (first !== undefined) out[key] = first
  }
  return out
}

/** Parses leniently for pages: invalid input falls back to the defaults and says why. */
export function parseSearchParams<S extends z.ZodType>(
  schemaToUse: S,
  raw: Record<string, string>,
): { params: z.output<S>; problem: string | null } {
  const parsed = schemaToUse.safeParse(raw)
  if (parsed.success) return { params: parsed.data, problem: null }
  return {
    params: schemaToUse.parse({}),
    problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`).join('; '),
  }
}

export type PageWindow = { page: number; pageCount: number; offset: number; first: number; last: number }

/** Which rows a page shows; a page past the end is clamped to the last one. */
export function pageWindow(total: number, page: number, pageSize: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const current = Math.min(Math.max(1, page), pageCount)
  const offset = (current - 1) * pageSize
  return {
    page: current,
    pageCount,
    offset,
    first: total === 0 ? 0 : offset + 1,
    last: Math.min(total, offset + pageSize),
  }
}

/** A link to the same list with some parameters changed (undefined/empty removes one; defaults are dropped). */
export function hrefWith(
  path: string,
  current: Record<string, string | number | undefined>,
  changes: Record<string, string | number | undefined>,
  defaults: Record<string, string | number> = {},
): string {
  const merged = { ...current, ...changes }
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || String(value) === String(defaults[key] ?? '\u0000')) continue
    query.set(key, String(value))
  }
  const text = query.toString()
  return text ? `${path}?${text}` : path
}
