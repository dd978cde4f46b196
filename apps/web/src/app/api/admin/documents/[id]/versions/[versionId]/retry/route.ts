import { retryFailedVersion } from '@policydesk/db'
import { enqueueIngest } from '@/lib/server/admin/ingest-queue'
import { refusal } from '@/lib/server/admin/responses'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

/** Admin: put a failed version back in the queue (audited), then enqueue it again. */
export const POST = sameOriginOnly(
  async (_request: Request, { params }: { params: Promise<{ id: string; versionId: string }> }) => {
    const auth = await authorizeApi(ROLES.admins)
    if (!auth.ok) return auth.response
    const ids = await uuidParams(params)
    if (!ids.ok) return ids.response
    const result = await retryFailedVersion(getDb(), {
      documentId: ids.data.id,
      versionId: ids.data.versionId,
      actorId: auth.user.id,
    })
    if (!result.ok) return refusal(result.reason)
    const queue = await enqueueIngest(ids.data.versionId, { restart: true })
    return Response.json({ versionId: ids.data.versionId, status: 'queued', queue }, { status: 202 })
  },
)
