import { deleteDocumentWithAudit, getAdminDocument, listVersionHistory } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** Admin: one document (any state) with its version history. */
export async function GET(_request: Request, { params }: Params) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids.ok) return ids.response
  const db = getDb()
  const document = await getAdminDocument(db, ids.data.id)
  if (!document) return notFound('No such document.')
  return Response.json({ document, versions: await listVersionHistory(db, ids.data.id) })
}

/** Admin: soft delete (out of retrieval at once; bytes and versions kept until a purge). */
export const DELETE = sameOriginOnly(async (_request: Request, { params }: Params) => {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids.ok) return ids.response
  const result = await deleteDocumentWithAudit(getDb(), { documentId: ids.data.id, actorId: auth.user.id })
  if (!result.ok) return refusal(result.reason)
  return new Response(null, { status: 204 })
})
