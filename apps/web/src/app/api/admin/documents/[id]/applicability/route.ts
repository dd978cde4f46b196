import { setDocumentApplicability } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { applicabilityBodySchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin: whom a document applies to, `{ countries?, locations?, employmentTypes?, departments? }` (`{}` =
 * everyone). Askers whose profile says otherwise no longer retrieve it. Audited; bumps the corpus revision
 * (as an access change does), so no cached answer outlives it; clears a pending suggestion.
 */
export const PUT = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, applicabilityBodySchema)
    if (!body.ok) return body.response
    const result = await setDocumentApplicability(getDb(), {
      documentId: ids.data.id,
      applicability: body.data,
      actorId: auth.user.id,
    })
    if (!result.ok) return refusal(result.reason)
    return Response.json({ applicability: result.after, changed: result.changed })
  },
)
