import { searchDocuments } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { documentSearchParamsSchema, firstValues } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin: documents with their latest version's status and groups, searched, filtered, sorted and paginated
 * in SQL. Query: q, status, group, tag, state (active|deleted|all), sort (title|status|uploaded|chunks),
 * dir (asc|desc), page, pageSize (5–100).
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const input = parseValue(firstValues(new URL(request.url).searchParams), documentSearchParamsSchema)
  if (!input.ok) return input.response
  const { q, status, group, tag, state, sort, dir, page, pageSize } = input.data
  const { rows, total } = await searchDocuments(getDb(), {
    query: q,
    status,
    group,
    tag,
    state,
    sort,
    direction: dir,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  return Response.json({ documents: rows, total, page, pageSize })
}
