import { z } from 'zod'

export type ClaimMapping = {
  groupsClaim: string
  adminGroups: string[]
  analystGroups: string[]
  /** OIDC_REQUIRE_VERIFIED_EMAIL: refuse unless `email_verified` is true. */
  requireVerifiedEmail: boolean
}

export type OidcIdentity = {
  /** With `subject`, the account's identity (an e-mail can change; issuer + subject do not). */
  issuer: string
  subject: string
  email: string
  emailVerified: boolean | undefined
  name: string
  role: 'employee' | 'analyst' | 'admin'
  /** Document-access groups: every claim value that is not a role marker. */
  groups: string[]
}

export type IdentityResult = { ok: true; identity: OidcIdentity } | { ok: false; error: string }

/** Some providers send booleans as strings ("true"); anything else counts as not said. */
const claimFlag = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean().optional().catch(undefined),
)

const claimsSchema = z.looseObject({
  iss: z.string().min(1),
  sub: z.string().min(1),
  email: z.email().optional().catch(undefined),
  email_verified: claimFlag,
  preferred_username: z.string().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
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
 * Maps an identity provider's claims to a Policy Desk identity. The provider is the source of truth for role
 * and groups: they are re-applied on every sign-in. Refused (with a message for the sign-in page): no
 * issuer or subject, no e-mail, an e-mail the provider says is unverified, or one it does not say is
 * verified when `requireVerifiedEmail` is on.
 */
export function identityFromClaims(claims: Record<string, unknown>, mapping: ClaimMapping): IdentityResult {
  const parsed = claimsSchema.safeParse(claims)
  if (!parsed.success) return { ok: false, error: 'Your identity provider did not identify you (iss, sub).' }
  const { iss, sub, email, email_verified, name, preferred_username } = parsed.data
  if (!email) return { ok: false, error: 'Your identity provider did not send a usable e-mail address.' }
  if (email_verified === false || (mapping.requireVerifiedEmail && email_verified !== true)) {
    return {
      ok: false,
      error:
        'Your identity provider has not verified your e-mail address (email_verified), so Policy Desk ' +
        'cannot sign you in. Verify it with your provider, or ask your administrator.',
    }
  }
  const values = readGroupsClaim(claims, mapping.groupsClaim)
  const isAdmin = values.some((v) => mapping.adminGroups.includes(v))
  const isAnalyst = values.some((v) => mapping.analystGroups.includes(v))
  const roleMarkers = new Set([...mapping.adminGroups, ...mapping.analystGroups])
  return {
    ok: true,
    identity: {
      issuer: iss,
      subject: sub,
      email: email.toLowerCase(),
      emailVerified: email_verified,
      name: name ?? preferred_username ?? email,
      role: isAdmin ? 'admin' : isAnalyst ? 'analyst' : 'employee',
      groups: values.filter((v) => !roleMarkers.has(v)).sort(),
    },
  }
}
