import { type Applicability, applicabilityAttribute, type UserAttributes } from '../schema/profiles'

/**
 * The dimensions a person's answer to one employee is assumed to depend on: where they work (law and
 * office differ) and their contract. Not the department: a reply about the office roof holds for the
 * whole office, and scoping by team would leave most colleagues without it.
 */
const ASKER_SCOPE_KEYS = ['countries', 'locations', 'employmentTypes'] as const

/**
 * The applicability that describes employees like this one: their country, office and contract, each as
 * a one-value list (dimensions they have no value for stay open). A person's reply to one employee's
 * handoff is scoped this way when promoted, so a Lisbon answer is not served in Berlin.
 */
export function applicabilityOfProfile(attributes: UserAttributes | null | undefined): Applicability {
  const scope: Applicability = {}
  for (const key of ASKER_SCOPE_KEYS) {
    const value = attributes?.[applicabilityAttribute[key]]?.trim()
    if (value) scope[key] = [value]
  }
  return scope
}
