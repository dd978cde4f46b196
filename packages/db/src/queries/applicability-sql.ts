import { type SQL, sql } from 'drizzle-orm'
import { applicabilityAttribute, applicabilityKeys, type UserAttributes } from '../schema'

/*
 * The asker's profile against a passage's applicability, as SQL: one rule for retrieval (which passages
 * are searched and boosted) and for serving curated answers (whose cited passages must apply to the
 * asker). A dimension the asker has no value for excludes nothing: we cannot know.
 */

/** The asker's value for each applicability dimension, as bound parameters (null = unknown). */
function profileValues(attributes: UserAttributes | undefined) {
  return applicabilityKeys
    .map((key) => ({ key, value: attributes?.[applicabilityAttribute[key]]?.trim() || null }))
    .filter(
      (entry): entry is { key: (typeof applicabilityKeys)[number]; value: string } => entry.value !== null,
    )
}

/** Whether the dimension's list (of `app`, a jsonb expression) holds the value, case-insensitively. */
const listHolds = (app: SQL, key: string, value: string) =>
  sql`exists (select 1 from jsonb_array_elements_text(${app} -> ${key}::text) x where lower(x) = lower(${value}::text))`
const restricts = (app: SQL, key: string) => sql`coalesce(jsonb_array_length(${app} -> ${key}::text), 0) > 0`

export const restrictsAny = (app: SQL) =>
  sql`(${sql.join(
    applicabilityKeys.map((key) => restricts(app, key)),
    sql` or `,
  )})`

/**
 * The profile filter on an applicability `app` (by default the effective one of unit `c` of visible
 * version `v`: its section's, else its document's): every dimension the asker has a value for is either
 * unrestricted or lists that value. True (no condition) without a profile.
 */
export function profileCondition(
  attributes: UserAttributes | undefined,
  app: SQL = sql`coalesce(c.applicability, v.applicability)`,
): SQL {
  const values = profileValues(attributes)
  if (values.length === 0) return sql`true`
  return sql`(${sql.join(
    values.map(({ key, value }) => sql`(not ${restricts(app, key)} or ${listHolds(app, key, value)})`),
    sql` and `,
  )})`
}

/** Whether the unit is restricted on some dimension the asker matches (after the filter: any restricted one). */
export function profileMatch(attributes: UserAttributes | undefined, app: SQL): SQL {
  const values = profileValues(attributes)
  if (values.length === 0) return sql`false`
  return sql`(${sql.join(
    values.map(({ key, value }) => sql`(${restricts(app, key)} and ${listHolds(app, key, value)})`),
    sql` or `,
  )})`
}
