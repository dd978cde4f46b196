import { getVersionStatuses } from '@policydesk/db'
import { z } from 'zod'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { parseValue } from '@/lib/http'

export const dynamic = 'force-dynamic'

const idsSchema = z.array(z.uuid()).min(1).max(100)

/**
 * Admin: live progress, polled about once a second while uploads are in flight: `?ids=<versionId>,…` →
 * `{ versions: [{ id, documentId, versionNo, status, stage, progress, error, chunkCount }] }`.
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const raw = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter((id) => id !== '')
  const ids = parseValue([...new Set(raw)], idsSchema)
  if (!ids.ok) return ids.response
  const versions = await getVersionStatuses(getDb(), ids.data)
  return Response.json({ versions }, { headers: { 'Cache-Control': 'no-store' } })
}
