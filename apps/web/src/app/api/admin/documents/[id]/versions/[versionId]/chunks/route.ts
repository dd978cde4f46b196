import { getVersionStatuses, listVersionChunks } from '@policydesk/db'
import { z } from 'zod'
import { uuidParams } from '@/lib/admin/route-params'
import { firstValues } from '@/lib/admin/search-params'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound, parseValue } from '@/lib/http'

export const dynamic = 'force-dynamic'

const querySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

/** Admin: a version's chunks in order (heading path, pages, token count, text). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; versionId: string }> },
) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such version.')
  const query = parseValue(firstValues(new URL(request.url).searchParams), querySchema)
  if (!query.ok) return query.response
  const db = getDb()
  const [version] = await getVersionStatuses(db, [ids.versionId])
  if (!version || version.documentId !== ids.id) return notFound('No such version.')
  const { page, pageSize } = query.data
  const { rows, total } = await listVersionChunks(db, {
    versionId: ids.versionId,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  return Response.json({ chunks: rows, total, page, pageSize })
}
