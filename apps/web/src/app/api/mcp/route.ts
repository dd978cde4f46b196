import { handleMcpHttpRequest, originalLinks } from '@policydesk/mcp'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { parseJsonBody } from '@/lib/server/http'
import { getInferenceDeps } from '@/lib/server/inference'
import { takeRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { ownOrigins, sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { mcpRequestSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * The MCP server over Streamable HTTP (stateless, JSON responses: GET and DELETE are 405, there is no
 * session to stream or end). Meant for API tokens with `search` (search_policies, document resources) or
 * `chat` (also ask_policy); each request acts as the token's account with its current groups.
 * docs/integrations.md says how to connect an assistant.
 */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['search', 'chat'] })
  if (!auth.ok) return auth.response
  // A tool call costs a retrieval or an answer: MCP requests take from the user's chat bucket.
  const limit = await takeRateLimit('chat', auth.user.id)
  if (!limit.ok) return limit.response
  // Read like every JSON body here (JSON_BODY_LIMIT_KB, 415, 400 with a message), then handed over parsed.
  const body = await parseJsonBody(request, mcpRequestSchema)
  if (!body.ok) return body.response
  return handleMcpHttpRequest(
    request,
    {
      deps: getInferenceDeps(),
      caller: {
        userId: auth.user.id,
        email: auth.user.email,
        groupIds: auth.user.groupIds,
        scopes: auth.scopes,
      },
      links: originalLinks(ownOrigins()[0] ?? ''),
      version: '0.1.0',
    },
    body.data,
  )
})
