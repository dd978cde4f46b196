/**
 * Who a rule applies to, and who is asking: the two halves of profile-aware answers (issue 14).
 * Kept as JSON shapes beside the tables that store them, so writers and readers share one type.
 * Validation of values from outside lives in packages/db/src/profiles/.
 */

/** The asker's attributes: from OIDC claims (mapping in env), the admin users page/API, or CSV import. */
export type UserAttributes = {
  /** ISO 3166-1 alpha-2, upper case ("PT", "DE", "US"). */
  country?: string
  /** Office or city ("Lisbon"). */
  location?: string
  employmentType?: string
  department?: string
  level?: string
  /** ISO date (YYYY-MM-DD). */
  startDate?: string
}

export const userAttributeKeys = [
  'country',
  'location',
  'employmentType',
  'department',
  'level',
  'startDate',
] as const satisfies readonly (keyof UserAttributes)[]

/**
 * Whom a document (or one of its sections) applies to. An empty or missing list = no restriction on that
 * dimension; a document with no lists at all applies to everyone.
 */
export type Applicability = {
  countries?: string[]
  locations?: string[]
  employmentTypes?: string[]
  departments?: string[]
}

export const applicabilityKeys = [
  'countries',
  'locations',
  'employmentTypes',
  'departments',
] as const satisfies readonly (keyof Applicability)[]

/** Which attribute of the asker each applicability dimension is matched against. */
export const applicabilityAttribute = {
  countries: 'country',
  locations: 'location',
  employmentTypes: 'employmentType',
  departments: 'department',
} as const satisfies Record<keyof Applicability, keyof UserAttributes>
