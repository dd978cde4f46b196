import { purgeDocumentWithAudit } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

/** Admin: destroy a document's file bytes, chunks and embeddings (irreversible; the UI confirms first). */
export const POST = sameOriginOnly(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const result = await purgeDocumentWithAudit(getDb(), { documentId: ids.data.id, actorId: auth.user.id })
    if (!result.ok) return refusal(result.reason)
    return new Response(null, { status: 204 })
  },
)
