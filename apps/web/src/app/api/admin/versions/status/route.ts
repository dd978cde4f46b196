import { getVersionStatuses } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseValue } from '@/lib/server/http'
import { versionIdsSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin: live progress, polled about once a second while uploads are in flight: `?ids=<versionId>,…` →
 * `{ versions: [{ id, documentId, versionNo, status, stage, progress, error, chunkCount }] }`.
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.admins, { tokens: ['documents:write'] })
  if (!auth.ok) return auth.response
  const raw = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter((id) => id !== '')
  const ids = parseValue([...new Set(raw)], versionIdsSchema)
  if (!ids.ok) return ids.response
  const versions = await getVersionStatuses(getDb(), ids.data)
  return Response.json({ versions }, { headers: { 'Cache-Control': 'no-store' } })
}
