import { type UserAttributes, userAttributeKeys } from '../schema/profiles'
import { userAttributesPatchSchema } from './validation'

export type ClaimMapping = { attribute: keyof UserAttributes; claim: string }[]

/**
 * `OIDC_ATTRIBUTE_CLAIMS` ("country=country,location=office,startDate=start_date"): attribute=claim
 * pairs. An unknown attribute is a configuration error (thrown at start-up, not per sign-in).
 */
export function parseClaimMapping(value: string | undefined): ClaimMapping {
  if (!value?.trim()) return []
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [attribute, claim] = pair.split('=').map((part) => part?.trim() ?? '')
      const key = userAttributeKeys.find((k) => k === attribute)
      if (!key || !claim)
        throw new Error(
          `OIDC_ATTRIBUTE_CLAIMS: "${pair}" must be ATTRIBUTE=CLAIM with ATTRIBUTE one of ${userAttributeKeys.join(', ')}`,
        )
      return { attribute: key, claim }
    })
}

/**
 * The attributes the identity provider asserts, validated one by one: an invalid claim is skipped and
 * reported (the caller logs it), so one bad value never blocks a sign-in.
 */
export function attributesFromClaims(
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
): { attributes: UserAttributes; invalid: { attribute: string; claim: string; reason: string }[] } {
  const attributes: UserAttributes = {}
  const invalid: { attribute: string; claim: string; reason: string }[] = []
  for (const { attribute, claim } of mapping) {
    const raw = claims[claim]
    if (raw === undefined || raw === null || raw === '') continue
    const parsed = userAttributesPatchSchema.shape[attribute].safeParse(
      typeof raw === 'number' ? String(raw) : raw,
    )
    if (!parsed.success || typeof parsed.data !== 'string') {
      invalid.push({
        attribute,
        claim,
        reason: parsed.success ? 'empty' : (parsed.error.issues[0]?.message ?? 'invalid'),
      })
      continue
    }
    attributes[attribute] = parsed.data
  }
  return { attributes, invalid }
}
