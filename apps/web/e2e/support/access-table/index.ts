import { ADMIN_API } from './admin-api'
import { APP_API } from './app-api'
import { PAGES } from './pages'
import { REVIEW_API } from './review-api'
import type { RouteCall } from './statuses'

/**
 * What every route of the app answers each role, after the restricted scenario (../restricted-scenario.ts).
 * Keyed by the file under src/app; route-access.spec.ts fails when a route file or an exported method is
 * not listed here. State-changing calls use unknown ids or invalid bodies where a real change would
 * disturb the run; their status still proves who gets past the role and access checks.
 */
function merge(...parts: Record<string, RouteCall[]>[]): Record<string, RouteCall[]> {
  const table: Record<string, RouteCall[]> = {}
  for (const part of parts)
    for (const [file, calls] of Object.entries(part)) {
      if (file in table) throw new Error(`${file} is listed twice in the access table`)
      table[file] = calls
    }
  return table
}

export const ACCESS_TABLE = merge(PAGES, APP_API, ADMIN_API, REVIEW_API)

export { ROLES, type Role, type RouteCall, type Statuses } from './statuses'
