import type { Role, RouteCall } from './statuses'

/**
 * Which calls accept an API token (`Authorization: Bearer pd_…`), keyed `METHOD file` like the access
 * table, with the scopes that open them ('any-scope': every valid token). It restates the policies the
 * route handlers give `authorizeApi` so that a route quietly starting (or stopping) to take tokens fails
 * route-access-tokens.spec.ts. Everything else under api/ refuses tokens with a 403.
 */
export const TOKEN_ROUTES: Record<string, readonly string[]> = {
  'GET api/me/route.ts': ['any-scope'],
  'POST api/chat/route.ts': ['chat'],
  'GET api/conversations/route.ts': ['chat'],
  'POST api/conversations/route.ts': ['chat'],
  'PATCH api/conversations/[id]/route.ts': ['chat'],
  'DELETE api/conversations/[id]/route.ts': ['chat'],
  'GET api/conversations/[id]/messages/route.ts': ['chat'],
  'POST api/feedback/route.ts': ['chat'],
  'POST api/handoffs/route.ts': ['chat'],
  'GET api/handoffs/route.ts': ['chat'],
  'GET api/handoffs/[id]/route.ts': ['chat'],
  'GET api/documents/[id]/original/route.ts': ['chat', 'search'],
  'GET api/documents/[id]/text/route.ts': ['chat', 'search'],
  'GET api/search/route.ts': ['search'],
  'POST api/mcp/route.ts': ['search', 'chat'],
  'POST api/documents/route.ts': ['documents:write'],
  'GET api/admin/versions/status/route.ts': ['documents:write'],
  'GET api/review/answers/route.ts': ['review:read'],
  'GET api/review/answers/[id]/route.ts': ['review:read'],
  'GET api/review/curated/route.ts': ['review:read'],
  'GET api/review/dashboard/route.ts': ['review:read'],
  'GET api/review/datasets/route.ts': ['review:read'],
  'GET api/review/datasets/[id]/download/route.ts': ['review:read'],
  'GET api/review/export/route.ts': ['review:read'],
  'GET api/review/feedback/route.ts': ['review:read'],
  'GET api/review/queue/route.ts': ['review:read'],
}

/** Routes that authenticate nobody (sign-in, health, metrics with its own token): a token changes nothing. */
const UNAUTHENTICATED =
  /^(api\/auth\/|api\/health\/|api\/health\/route\.ts$|api\/openapi\.json\/|api\/docs\/|metrics\/)/

/**
 * What a call answers a bearer token of `role` that holds every scope the role can use (and no cookie):
 * routes that take tokens answer exactly as to the role's session; pages ignore tokens (a visitor's answer);
 * routes that need a session refuse the token with a 403.
 */
export function tokenStatus(file: string, call: RouteCall, role: Role): number {
  if (file.endsWith('page.tsx')) return call.status.anonymous
  if (UNAUTHENTICATED.test(file)) return call.status[role]
  if (`${call.method} ${file}` in TOKEN_ROUTES) return call.status[role]
  return 403
}
