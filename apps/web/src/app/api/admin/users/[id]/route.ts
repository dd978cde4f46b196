import { changeUserRole, updateUserAttributes } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { userChangeSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin: change a user's role `{ role }` (the last admin cannot be demoted: 409) and/or their profile
 * `{ attributes: { country, location, employmentType, department, level, startDate } }` (null or "" clears
 * a field; absent fields stay). Each change is audited; the role is applied first.
 */
export const PATCH = sameOriginOnly(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const body = await parseJsonBody(request, userChangeSchema)
    if (!body.ok) return body.response
    const db = getDb()
    const answer: { role?: string; attributes?: Record<string, string> } = {}
    if (body.data.role !== undefined) {
      const result = await changeUserRole(db, {
        userId: ids.data.id,
        role: body.data.role,
        actorId: auth.user.id,
      })
      if (!result.ok) return refusal(result.reason)
      answer.role = result.after
    }
    if (body.data.attributes !== undefined) {
      const result = await updateUserAttributes(db, {
        userId: ids.data.id,
        patch: body.data.attributes,
        actorId: auth.user.id,
      })
      if (!result.ok) return refusal(result.reason)
      answer.attributes = result.after
    }
    return Response.json(answer)
  },
)
