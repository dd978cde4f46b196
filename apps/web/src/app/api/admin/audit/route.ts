import { listAuditLog } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { auditDateRange, auditSearchParamsSchema, firstValues } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: the audit log, newest first. Query: action, actor (user id), from, to (YYYY-MM-DD, inclusive), page, pageSize. */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const input = parseValue(firstValues(new URL(request.url).searchParams), auditSearchParamsSchema)
  if (!input.ok) return input.response
  const { action, actor, page, pageSize } = input.data
  const { rows, total } = await listAuditLog(getDb(), {
    action,
    actorId: actor,
    ...auditDateRange(input.data),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  return Response.json({ entries: rows, total, page, pageSize })
}
