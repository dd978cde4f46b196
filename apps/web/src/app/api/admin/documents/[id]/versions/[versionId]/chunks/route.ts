import { getVersionStatuses, listVersionChunks } from '@policydesk/db'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound, parseValue } from '@/lib/server/http'
import { firstValues } from '@/lib/shared/admin/search-params'
import { querySchema } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: a version's chunks in order (heading path, pages, token count, text). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; versionId: string }> },
) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids.ok) return ids.response
  const query = parseValue(firstValues(new URL(request.url).searchParams), querySchema)
  if (!query.ok) return query.response
  const db = getDb()
  const [version] = await getVersionStatuses(db, [ids.data.versionId])
  if (!version || version.documentId !== ids.data.id) return notFound('No such version.')
  const { page, pageSize } = query.data
  const { rows, total } = await listVersionChunks(db, {
    versionId: ids.data.versionId,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  return Response.json({ chunks: rows, total, page, pageSize })
}
