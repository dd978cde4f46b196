import { revokeApiToken } from '@policydesk/db'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

/** Revokes one of the caller's own tokens (another user's id is a 404). Audited as `token.revoke`. */
export const DELETE = sameOriginOnly(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const auth = await authorizeApi()
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const revoked = await revokeApiToken(getDb(), {
      tokenId: ids.data.id,
      actorId: auth.user.id,
      ownerId: auth.user.id,
    })
    return revoked.ok ? new Response(null, { status: 204 }) : notFound('No such token.')
  },
)
