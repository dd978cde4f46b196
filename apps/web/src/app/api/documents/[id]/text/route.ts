import { readableDocumentText } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound, parseValue } from '@/lib/server/http'
import { type DocumentTextResponse, documentTextParams } from './schema'

export const dynamic = 'force-dynamic'

/**
 * The text of a document version as its stored passages, for the chat's document view (a citation opens
 * the document scrolled to its passage). The same access rule and the same 404 as the original file.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat', 'search'] })
  if (!auth.ok) return auth.response
  const version = new URL(request.url).searchParams.get('version') ?? undefined
  const input = parseValue({ id: (await params).id, version }, documentTextParams)
  if (!input.ok) return input.response
  const document = await readableDocumentText(getDb(), {
    documentId: input.data.id,
    versionId: input.data.version,
    groupIds: auth.user.groupIds,
  })
  if (!document) return notFound('No such document.')
  return Response.json({ document } satisfies DocumentTextResponse, {
    headers: { 'Cache-Control': 'private, no-store' },
  })
}
