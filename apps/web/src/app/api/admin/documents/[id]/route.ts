import { deleteDocumentWithAudit, getAdminDocument, listVersionHistory } from '@policydesk/db'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound } from '@/lib/http'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** Admin: one document (any state) with its version history. */
export async function GET(_request: Request, { params }: Params) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such document.')
  const db = getDb()
  const document = await getAdminDocument(db, ids.id)
  if (!document) return notFound('No such document.')
  return Response.json({ document, versions: await listVersionHistory(db, ids.id) })
}

/** Admin: soft delete (out of retrieval at once; bytes and versions kept until a purge). */
export async function DELETE(_request: Request, { params }: Params) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such document.')
  const result = await deleteDocumentWithAudit(getDb(), { documentId: ids.id, actorId: auth.user.id })
  if (!result.ok) return refusal(result.reason)
  return new Response(null, { status: 204 })
}
