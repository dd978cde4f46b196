/**
 * The address a request came from, for per-client limits. Route handlers do not see the socket: Next.js
 * fills X-Forwarded-For with the socket address when the request has none, and each reverse proxy in front
 * appends the address it received the request from. So the entry `trustedHops` from the right is the one
 * the outermost trusted proxy saw (1: no proxy, or one). Entries further left are whatever the client
 * wrote and cannot be trusted; without a proxy, a client that sends its own header chooses its own bucket,
 * which is why per-address limits need a proxy in front to be strict (docs/security.md).
 */
export function clientAddress(headers: Headers, trustedHops: number): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  if (entries.length === 0) return 'unknown'
  return entries[Math.max(0, entries.length - trustedHops)] ?? 'unknown'
}
