import { dismissSuggestedApplicability } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

/** Admin: dismiss the applicability suggested from the document's text (confirming is the PUT above). */
export const DELETE = sameOriginOnly(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const result = await dismissSuggestedApplicability(getDb(), {
      documentId: ids.data.id,
      actorId: auth.user.id,
    })
    if (!result.ok) return refusal('not-found')
    return new Response(null, { status: 204 })
  },
)
