import { runPlayground } from '@/lib/server/admin/run-playground'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { parseJsonBody } from '@/lib/server/http'
import { getInferenceDeps } from '@/lib/server/inference'
import { takeRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { playgroundRequestSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin: retrieval playground `{ question, reader: { kind: "user", userId } | { kind: "group", groupId } }`
 * → ranked passages with scores, context, the built-in answer's validation and access exclusions.
 */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const limit = await takeRateLimit('playground', auth.user.id)
  if (!limit.ok) return limit.response
  const body = await parseJsonBody(request, playgroundRequestSchema)
  if (!body.ok) return body.response
  const result = await runPlayground(getInferenceDeps(), body.data)
  if (!result) return Response.json({ error: 'No such user or group.' }, { status: 404 })
  return Response.json(result)
})
