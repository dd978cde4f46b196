import { z } from 'zod'

export type ClaimMapping = {
  groupsClaim: string
  adminGroups: string[]
  analystGroups: string[]
}

export type OidcIdentity = {
  email: string
  name: string
  role: 'employee' | 'analyst' | 'admin'
  /** Document-access groups: every claim value that is not a role marker. */
  groups: string[]
}

const claimsSchema = z.looseObject({
  sub: z.string().min(1),
  email: z.email().optional(),
  email_verified: z.boolean().optional(),
  preferred_username: z.string().optional(),
  name: z.string().optional(),
})

/**
 * Reads a claim that may be a list ("groups": ["hr"]), a single string or a space/comma-separated string
 * (some providers flatten it), or nested ("realm_access.roles" in Keycloak).
 */
export function readGroupsClaim(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims
  for (const part of claim.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
  }
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : []
  return [...new Set(raw.filter((v): v is string => typeof v === 'string' && v.length > 0))]
}

/**
 * Maps an identity provider's claims to a Policy Desk user. The provider is the source of truth for role
 * and groups: they are re-applied on every sign-in. A user without an email cannot be matched to an
 * account, so is refused (null); unverified emails too, where the provider says so.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
): OidcIdentity | null {
  const parsed = claimsSchema.safeParse(claims)
  if (!parsed.success) return null
  const { email, email_verified, name, preferred_username } = parsed.data
  if (!email || email_verified === false) return null
  const values = readGroupsClaim(claims, mapping.groupsClaim)
  const isAdmin = values.some((v) => mapping.adminGroups.includes(v))
  const isAnalyst = values.some((v) => mapping.analystGroups.includes(v))
  const roleMarkers = new Set([...mapping.adminGroups, ...mapping.analystGroups])
  return {
    email: email.toLowerCase(),
    name: name ?? preferred_username ?? email,
    role: isAdmin ? 'admin' : isAnalyst ? 'analyst' : 'employee',
    groups: values.filter((v) => !roleMarkers.has(v)).sort(),
  }
}
