import { getVersionOriginal } from '@policydesk/db'
import { originalHeaders } from '@/app/api/documents/[id]/original/headers'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound } from '@/lib/server/http'

export const dynamic = 'force-dynamic'

/**
 * Admin: the uploaded bytes of any version, whatever its groups or state (deleted documents included, until
 * a purge). Always a download, with the same sandboxing headers as the reader endpoint.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; versionId: string }> },
) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids.ok) return ids.response
  const original = await getVersionOriginal(getDb(), {
    documentId: ids.data.id,
    versionId: ids.data.versionId,
  })
  if (!original) return notFound('No such version, or its file was purged.')
  const headers = originalHeaders(original)
  headers.set(
    'Content-Disposition',
    headers.get('Content-Disposition')?.replace(/^inline/, 'attachment') ?? 'attachment',
  )
  return new Response(new Uint8Array(original.content), { headers })
}
