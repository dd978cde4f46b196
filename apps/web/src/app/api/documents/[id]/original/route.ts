import { readableDocumentOriginal } from '@policydesk/db'
import { z } from 'zod'
import { authorizeApi } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound, parseValue } from '@/lib/http'
import { originalHeaders } from './headers'

export const dynamic = 'force-dynamic'

const paramsSchema = z.object({ id: z.uuid(), version: z.uuid().optional() })

/**
 * The uploaded file of a document version (current, or `?version=<versionId>`), only for users whose groups
 * may read the document. Everyone else gets 404, not 403: the document's existence is not disclosed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi()
  if (!auth.ok) return auth.response
  const version = new URL(request.url).searchParams.get('version') ?? undefined
  const input = parseValue({ id: (await params).id, version }, paramsSchema)
  if (!input.ok) return notFound('No such document.')
  const original = await readableDocumentOriginal(getDb(), {
    documentId: input.data.id,
    versionId: input.data.version,
    groupIds: auth.user.groupIds,
  })
  if (!original) return notFound('No such document.')
  return new Response(new Uint8Array(original.content), { headers: originalHeaders(original) })
}
