import { retryFailedVersion } from '@policydesk/db'
import { enqueueIngest } from '@/lib/admin/ingest-queue'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { isCrossOrigin } from '@/lib/admin/same-origin'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** Admin: put a failed version back in the queue (audited), then enqueue it again. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string; versionId: string }> },
) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  if (isCrossOrigin(request))
    return Response.json({ error: 'Cross-site requests are refused.' }, { status: 403 })
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such version.')
  const result = await retryFailedVersion(getDb(), {
    documentId: ids.id,
    versionId: ids.versionId,
    actorId: auth.user.id,
  })
  if (!result.ok) return refusal(result.reason)
  const queue = await enqueueIngest(ids.versionId, { restart: true })
  return Response.json({ versionId: ids.versionId, status: 'queued', queue }, { status: 202 })
}
