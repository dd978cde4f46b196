import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { prepareChatTurn, streamChatTurn } from '@/lib/server/chat/chat-turn'
import { sseResponse } from '@/lib/server/chat/sse'
import { getDb } from '@/lib/server/db'
import { notFound, parseJsonBody } from '@/lib/server/http'
import { getInferenceDeps } from '@/lib/server/inference'
import { takeRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { orDatabaseUnavailable } from '@/lib/server/service-unavailable'
import { chatRequestSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Asks a question; streams the answer as Server-Sent Events (docs/api.md). */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  // Every request takes a token, well-formed or not: the limit bounds the work a user can cause.
  const limit = await takeRateLimit('chat', auth.user.id)
  if (!limit.ok) return limit.response
  const body = await parseJsonBody(request, chatRequestSchema)
  if (!body.ok) return body.response

  const turn = await orDatabaseUnavailable(() => prepareChatTurn(getDb(), auth.user, body.data))
  if (turn instanceof Response) return turn
  if (!turn) return notFound('No such conversation.')
  return sseResponse(streamChatTurn(getInferenceDeps(), auth.user, turn, body.data.message, request.signal), {
    headers: { 'X-RateLimit-Remaining': String(limit.remaining) },
  })
})
