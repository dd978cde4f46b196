import type { UserRole } from '../schema'

/**
 * What a token may be used for. A scope only narrows: the token acts as its user, whose role and groups
 * still decide what any call returns (an employee's token with `review:read` reaches no review route).
 */
export const API_TOKEN_SCOPES = ['chat', 'search', 'documents:write', 'review:read'] as const
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number]

export const SCOPE_DESCRIPTIONS: Record<ApiTokenScope, string> = {
  chat: 'Ask questions, read and manage your conversations, rate answers, open cited documents',
  search: 'Search the documents you may read and open them',
  'documents:write': 'Upload documents and follow their processing (admins)',
  'review:read': 'Read the answers log, exports, dashboards and datasets (analysts and admins)',
}

/** The roles that can make any use of a scope; requesting it for anyone else is refused as pointless. */
const SCOPE_ROLES: Record<ApiTokenScope, readonly UserRole[]> = {
  chat: ['employee', 'analyst', 'admin'],
  search: ['employee', 'analyst', 'admin'],
  'documents:write': ['admin'],
  'review:read': ['analyst', 'admin'],
}

export function scopesForRole(role: UserRole): ApiTokenScope[] {
  return API_TOKEN_SCOPES.filter((scope) => SCOPE_ROLES[scope].includes(role))
}

/** True when the token holds at least one of the scopes a route accepts. */
export function grantsAnyScope(held: readonly string[], accepted: readonly ApiTokenScope[]): boolean {
  return accepted.some((scope) => held.includes(scope))
}
