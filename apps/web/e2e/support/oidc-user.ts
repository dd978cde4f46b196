/** The identity the fake provider signs in (shared by the server script and the spec). */
export const OIDC_E2E_USER = {
  sub: 'e2e-oidc-user',
  email: 'olivia.oidc@example.com',
  name: 'Olivia Oidc',
  // `hr` becomes a document group; `policydesk-analysts` is the default analyst marker.
  groups: ['hr', 'policydesk-analysts'],
}
