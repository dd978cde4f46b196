import { z } from 'zod'
import {
  type Applicability,
  applicabilityAttribute,
  applicabilityKeys,
  type UserAttributes,
  userAttributeKeys,
} from '../schema/profiles'

/**
 * Validation of asker attributes and document applicability arriving from outside (admin API, CSV
 * import, OIDC claims, upload fields, the CLI, samples/manifest.json). Values are normalised here once —
 * countries upper case, strings trimmed, lists deduplicated — so retrieval can compare them with `=`.
 */

const MAX_TEXT = 80
const MAX_LIST = 50

/** ISO 3166-1 alpha-2: two letters, stored upper case ("pt" → "PT"). */
export const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as PT, DE or US')
  .transform((value) => value.toUpperCase())

// The issue's path names the field ("location: must not be empty").
const shortText = () =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
    .refine((value) => !/\p{Cc}/u.test(value), 'must not contain control characters')

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'is not a real calendar date')

/** Empty string or null = "clear this field" (PATCH, CSV cells, claims). */
const clearable = <T extends z.ZodType<string, string>>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    schema.nullable(),
  )

const attributeValue = {
  country: countryCode,
  location: shortText(),
  employmentType: shortText(),
  department: shortText(),
  level: shortText(),
  startDate: isoDate,
} satisfies Record<keyof UserAttributes, z.ZodType<string>>

/** A change to the profile: each field a new value, or null/"" to clear it; absent = unchanged. */
export const userAttributesPatchSchema = z
  .object({
    country: clearable(attributeValue.country).optional(),
    location: clearable(attributeValue.location).optional(),
    employmentType: clearable(attributeValue.employmentType).optional(),
    department: clearable(attributeValue.department).optional(),
    level: clearable(attributeValue.level).optional(),
    startDate: clearable(attributeValue.startDate).optional(),
  })
  .strict()

export type UserAttributesPatch = z.output<typeof userAttributesPatchSchema>

/** A whole profile (no clearing: absent = not set). */
export const userAttributesSchema = z
  .object({
    country: attributeValue.country.optional(),
    location: attributeValue.location.optional(),
    employmentType: attributeValue.employmentType.optional(),
    department: attributeValue.department.optional(),
    level: attributeValue.level.optional(),
    startDate: attributeValue.startDate.optional(),
  })
  .strict()

/** The profile after a patch: null clears, absent keeps; keys in a fixed order (stable JSON, cache keys). */
export function applyAttributesPatch(current: UserAttributes, patch: UserAttributesPatch): UserAttributes {
  const next: UserAttributes = {}
  for (const key of userAttributeKeys) {
    const value = key in patch ? patch[key] : current[key]
    if (value) next[key] = value
  }
  return next
}

/** Only the keys that have a value, in a fixed order. */
export function normaliseAttributes(attributes: UserAttributes | null | undefined): UserAttributes {
  return applyAttributesPatch({}, attributes ?? {})
}

const list = <T extends z.ZodType<string>>(item: T, what: string) =>
  z
    .array(item)
    .max(MAX_LIST, `${what} may list at most ${MAX_LIST} values`)
    .transform((values) => [...new Set(values)])

/** Whom a document applies to; an empty list (or none) = no restriction on that dimension. */
export const applicabilitySchema = z
  .object({
    countries: list(countryCode, 'countries').optional(),
    locations: list(shortText(), 'locations').optional(),
    employmentTypes: list(shortText(), 'employmentTypes').optional(),
    departments: list(shortText(), 'departments').optional(),
  })
  .strict()

/** Only the non-empty dimensions, in a fixed order ({} = applies to everyone). */
export function normaliseApplicability(applicability: Applicability | null | undefined): Applicability {
  const next: Applicability = {}
  for (const key of applicabilityKeys) {
    const values = applicability?.[key]
    if (values && values.length > 0) next[key] = [...new Set(values)]
  }
  return next
}

export const isRestricted = (applicability: Applicability | null | undefined): boolean =>
  Object.keys(normaliseApplicability(applicability)).length > 0

/** One zod error as one readable line ("countries.0: must be an ISO 3166-1 alpha-2 country code…"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const at = issue.path.join('.')
      if (issue.code === 'unrecognized_keys')
        return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
      return at ? `${at}: ${issue.message}` : issue.message
    })
    .join('; ')
}

/**
 * `key=value` pairs (CLI `--applies-to country=PT`, upload form fields) → applicability. The key is a
 * dimension (`countries`) or its attribute name (`country`); values may be comma-separated.
 */
export function parseAppliesTo(
  pairs: readonly string[],
): { ok: true; applicability: Applicability } | { ok: false; error: string } {
  const raw: Record<string, string[]> = {}
  const byAttribute = new Map<string, keyof Applicability>(
    applicabilityKeys.map((key) => [applicabilityAttribute[key], key]),
  )
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    const name = at > 0 ? pair.slice(0, at).trim() : ''
    const key = applicabilityKeys.find((k) => k === name) ?? byAttribute.get(name)
    if (!key)
      return {
        ok: false,
        error: `"${pair}": expected KEY=VALUE with KEY one of ${applicabilityKeys
          .map((k) => applicabilityAttribute[k])
          .join(', ')}`,
      }
    const values = pair
      .slice(at + 1)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
    if (values.length === 0) return { ok: false, error: `"${pair}": no value after "="` }
    raw[key] = [...(raw[key] ?? []), ...values]
  }
  const parsed = applicabilitySchema.safeParse(raw)
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) }
  return { ok: true, applicability: normaliseApplicability(parsed.data) }
}
