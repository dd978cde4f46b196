import { ADMIN_OPERATIONS } from '@/lib/server/openapi/operations-admin'
import { APP_OPERATIONS } from '@/lib/server/openapi/operations-app'
import { REVIEW_OPERATIONS } from '@/lib/server/openapi/operations-review'
import type { Operation } from '@/lib/server/openapi/types'

/**
 * Every operation of the HTTP API, for /api/openapi.json. openapi-coverage.test.ts fails when a route file
 * exports a method that is not here (or this names a route that no longer exists).
 */
export const OPERATIONS: Operation[] = [...APP_OPERATIONS, ...REVIEW_OPERATIONS, ...ADMIN_OPERATIONS]
