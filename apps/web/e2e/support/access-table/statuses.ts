import type { HttpMethod } from '../app-routes'
import type { Scenario } from '../restricted-scenario'

/** The vocabulary of the access table: roles, one call of a route, and the usual status patterns. */

export const ROLES = ['anonymous', 'employee', 'analyst', 'hr', 'admin'] as const
export type Role = (typeof ROLES)[number]
export type Statuses = Record<Role, number>

export type RouteCall = {
  method: HttpMethod
  /** What the call checks, when a route has several. */
  label?: string
  path: (s: Scenario, role: Role) => string
  /** A JSON body. */
  body?: (s: Scenario, role: Role) => unknown
  /** Extra request headers (e.g. the Accept an MCP client sends). */
  headers?: Record<string, string>
  status: Statuses
  /** Roles entitled to restricted text in this response; everyone else must receive none of it. */
  mayShow?: readonly Role[]
  /** Roles whose response must contain restricted text: proof that the scenario reached this surface. */
  mustShow?: readonly Role[]
  /** Sent in a throwaway session of the role (the call ends its session). */
  ownSession?: boolean
}

export const all = (s: number): Statuses => ({ anonymous: s, employee: s, analyst: s, hr: s, admin: s })
/** Any signed-in role; 401 without a session. */
export const signedIn = (s: number, over: Partial<Statuses> = {}): Statuses => ({
  ...all(s),
  anonymous: 401,
  ...over,
})
/** Analysts and admins; employees (hr included) 403. */
export const reviewers = (analyst: number, admin = analyst): Statuses => ({
  anonymous: 401,
  employee: 403,
  hr: 403,
  analyst,
  admin,
})
export const admins = (admin: number): Statuses => ({
  anonymous: 401,
  employee: 403,
  analyst: 403,
  hr: 403,
  admin,
})
/** Pages send signed-out visitors to /sign-in (307) and answer a real 403 to a signed-in role without access. */
export const reviewPage = (analyst = 200, admin = analyst): Statuses => ({
  ...reviewers(analyst, admin),
  anonymous: 307,
})
export const adminPage = (admin = 200): Statuses => ({ ...admins(admin), anonymous: 307 })

export const ADMIN: readonly Role[] = ['admin']
export const HR: readonly Role[] = ['hr']

/** Would retrieve the bands table for a reader in hr; everyone else must get an abstention. */
export const PROBE = 'What are the L3 Senior salary bands in Lisbon?'
