/**
 * How a request presents an API token (pure, unit-tested): `Authorization: Bearer pd_…`. Any other scheme
 * (Basic, a metrics token on /metrics) is not an API token and leaves the request to its session.
 */
export function bearerSecret(authorization: string | null): string | null {
  if (!authorization) return null
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization.trim())
  return match?.[1] ?? null
}

/**
 * Token-authenticated requests may skip the same-origin (CSRF) check only when they carry no cookie: a
 * forged cross-site request rides on the victim's ambient cookie, and a page cannot make a browser send
 * an Authorization header to another origin without a CORS preflight this app never approves. A request
 * with a cookie is checked like any browser request, whatever else it carries.
 */
export function isCookielessBearerRequest(headers: { get(name: string): string | null }): boolean {
  return bearerSecret(headers.get('authorization')) !== null && !headers.get('cookie')
}
