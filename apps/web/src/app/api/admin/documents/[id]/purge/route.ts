import { purgeDocumentWithAudit } from '@policydesk/db'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { isCrossOrigin } from '@/lib/admin/same-origin'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** Admin: destroy a document's file bytes, chunks and embeddings (irreversible; the UI confirms first). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  if (isCrossOrigin(request))
    return Response.json({ error: 'Cross-site requests are refused.' }, { status: 403 })
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such document.')
  const result = await purgeDocumentWithAudit(getDb(), { documentId: ids.id, actorId: auth.user.id })
  if (!result.ok) return refusal(result.reason)
  return new Response(null, { status: 204 })
}
