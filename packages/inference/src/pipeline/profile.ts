import {
  applicabilityAttribute,
  applicabilityKeys,
  describeApplicability,
  normaliseApplicability,
  type schema,
} from '@policydesk/db'
import type { AnswerCitation } from './types'

/**
 * The asker's attributes retrieval actually reads (country, office, contract, department), in a fixed
 * order: what the cache key and the trace record. Null = no profile.
 */
export function retrievalProfile(
  attributes: schema.UserAttributes | undefined,
): schema.UserAttributes | null {
  const profile: schema.UserAttributes = {}
  for (const key of applicabilityKeys) {
    const attribute = applicabilityAttribute[key]
    const value = attributes?.[attribute]?.trim()
    if (value) profile[attribute] = value
  }
  return Object.keys(profile).length > 0 ? profile : null
}

/**
 * The restriction every cited passage shares (all restricted, and the same), else null: a rule quoted
 * from "Annual leave — Portugal" and a general one together describe no single group of employees.
 */
export function sharedApplicability(
  citations: readonly Pick<AnswerCitation, 'appliesTo'>[],
): schema.Applicability | null {
  if (citations.length === 0) return null
  const keys = citations.map((c) => JSON.stringify(normaliseApplicability(c.appliesTo)))
  const first = keys[0]
  if (!first || first === '{}' || keys.some((k) => k !== first)) return null
  return normaliseApplicability(citations[0]?.appliesTo)
}

/** "For employees in Portugal: " for a restricted passage; null for one that applies to everyone. */
export function leadFor(applicability: schema.Applicability | null | undefined): string | null {
  const who = describeApplicability(applicability)
  return who ? `For ${who}: ` : null
}

/**
 * "For employees in Portugal: …" in front of an answer that quotes a restricted rule, unless the model
 * already said so. The answer's own sentences (and their citation markers) are unchanged.
 */
export function prefixForProfile(
  text: string,
  citations: readonly Pick<AnswerCitation, 'appliesTo'>[],
): { text: string; appliesTo: schema.Applicability | null } {
  const appliesTo = sharedApplicability(citations)
  const who = describeApplicability(appliesTo)
  if (!who) return { text, appliesTo: null }
  const lead = `For ${who}`
  if (text.trimStart().toLowerCase().startsWith(lead.toLowerCase())) return { text, appliesTo }
  return { text: `${lead}: ${text.trimStart()}`, appliesTo }
}
