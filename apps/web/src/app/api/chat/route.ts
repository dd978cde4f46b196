import { authorizeApi } from '@/lib/auth/require-role'
import { prepareChatTurn, streamChatTurn } from '@/lib/chat/chat-turn'
import { sseResponse } from '@/lib/chat/sse'
import { getDb } from '@/lib/db'
import { notFound, parseJsonBody } from '@/lib/http'
import { getInferenceDeps } from '@/lib/inference'
import { chatRateLimiter } from '@/lib/rate-limit/chat-rate-limit'
import { chatRequestSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Asks a question; streams the answer as Server-Sent Events (docs/api.md). */
export async function POST(request: Request) {
  const auth = await authorizeApi()
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, chatRequestSchema)
  if (!body.ok) return body.response

  const limit = await chatRateLimiter().take(auth.user.id)
  if (!limit.allowed) {
    return Response.json(
      {
        error: `You are sending questions too quickly; try again in ${limit.retryAfterSeconds} s.`,
        retryAfterSeconds: limit.retryAfterSeconds,
      },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    )
  }

  const turn = await prepareChatTurn(getDb(), auth.user, body.data)
  if (!turn) return notFound('No such conversation.')
  return sseResponse(streamChatTurn(getInferenceDeps(), auth.user, turn, body.data.message, request.signal), {
    headers: { 'X-RateLimit-Remaining': String(limit.remaining) },
  })
}
