import { readableDocumentOriginal } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound, parseValue } from '@/lib/server/http'
import { originalHeaders } from './headers'
import { paramsSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * The uploaded file of a document version (current, or `?version=<versionId>`), only for users whose groups
 * may read the document. Everyone else gets 404, not 403: the document's existence is not disclosed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat', 'search'] })
  if (!auth.ok) return auth.response
  const version = new URL(request.url).searchParams.get('version') ?? undefined
  const input = parseValue({ id: (await params).id, version }, paramsSchema)
  if (!input.ok) return input.response
  const original = await readableDocumentOriginal(getDb(), {
    documentId: input.data.id,
    versionId: input.data.version,
    groupIds: auth.user.groupIds,
  })
  if (!original) return notFound('No such document.')
  return new Response(new Uint8Array(original.content), { headers: originalHeaders(original) })
}
