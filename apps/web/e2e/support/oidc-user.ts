/** The identity the fake provider signs in (shared by the server script and the spec). */
export const OIDC_E2E_USER = {
  sub: 'e2e-oidc-user',
  email: 'olivia.oidc@example.com',
  name: 'Olivia Oidc',
  // `hr` becomes a document group; `policydesk-analysts` is the default analyst marker.
  groups: ['hr', 'policydesk-analysts'],
}

/** Where the fake provider listens (the server script starts it; the spec changes its user). */
export const OIDC_PROVIDER_PORT = Number(process.env.OIDC_PROVIDER_PORT ?? 3199)
