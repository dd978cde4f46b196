import { searchPassages } from '@policydesk/inference'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { parseValue } from '@/lib/server/http'
import { getInferenceDeps } from '@/lib/server/inference'
import { takeRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { passageLink } from '@/lib/server/tokens/links'
import { type SearchResponse, searchParamsSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Passages of the documents the caller may read that match a query, best first — the chat's retrieval
 * without an answer. For scripts and assistants (scope `search`); the MCP tool `search_policies` is the same.
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['search'] })
  if (!auth.ok) return auth.response
  // A search costs a retrieval, like a question: it takes from the user's chat bucket.
  const limit = await takeRateLimit('chat', auth.user.id)
  if (!limit.ok) return limit.response
  const url = new URL(request.url)
  const input = parseValue(
    { q: url.searchParams.get('q') ?? '', k: url.searchParams.get('k') ?? undefined },
    searchParamsSchema,
  )
  if (!input.ok) return input.response
  const passages = await searchPassages(getInferenceDeps(), {
    query: input.data.q,
    groupIds: auth.user.groupIds,
    attributes: auth.user.attributes,
    k: input.data.k,
    signal: request.signal,
  })
  const body: SearchResponse = { passages: passages.map((p) => ({ ...p, url: passageLink(p) })) }
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } })
}
