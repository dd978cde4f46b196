import { revokeApiToken } from '@policydesk/db'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

/** Admin: revokes any account's token at once (`token.revoke` in the audit log). */
export const DELETE = sameOriginOnly(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const revoked = await revokeApiToken(getDb(), { tokenId: ids.data.id, actorId: auth.user.id })
    return revoked.ok ? new Response(null, { status: 204 }) : notFound('No such token.')
  },
)
