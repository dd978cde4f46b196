import { playgroundRequestSchema } from '@/lib/admin/playground-schema'
import { runPlayground } from '@/lib/admin/run-playground'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { parseJsonBody } from '@/lib/http'
import { getInferenceDeps } from '@/lib/inference'

export const dynamic = 'force-dynamic'

/**
 * Admin: retrieval playground `{ question, reader: { kind: "user", userId } | { kind: "group", groupId } }`
 * → ranked passages with scores, context, the built-in answer's validation and access exclusions.
 */
export async function POST(request: Request) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, playgroundRequestSchema)
  if (!body.ok) return body.response
  const result = await runPlayground(getInferenceDeps(), body.data)
  if (!result) return Response.json({ error: 'No such user or group.' }, { status: 404 })
  return Response.json(result)
}
