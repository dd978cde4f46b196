import { changeDocumentAccess } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { accessSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin: replace the groups that may read a document. Takes effect for the next question: the change bumps
 * the corpus revision that retrieval and the answer cache key on.
 */
export const PUT = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, accessSchema)
    if (!body.ok) return body.response
    const result = await changeDocumentAccess(getDb(), {
      documentId: ids.data.id,
      groupNames: body.data.groups,
      actorId: auth.user.id,
    })
    if (!result.ok) {
      return result.reason === 'unknown-groups'
        ? Response.json({ error: `Unknown group: ${result.groups.join(', ')}` }, { status: 422 })
        : refusal(result.reason)
    }
    return Response.json({ groups: result.after, changed: result.changed })
  },
)
