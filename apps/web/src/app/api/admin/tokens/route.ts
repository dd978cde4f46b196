import { createApiToken, listApiTokens } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { createdTokenResponse } from '@/lib/server/tokens/respond'
import { createServiceTokenSchema } from './schema'

export const dynamic = 'force-dynamic'

/** Admin: every API token of every account (personal and service), newest first; never a secret. */
export async function GET() {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  return Response.json({ tokens: await listApiTokens(getDb()) })
}

/**
 * Admin: a service token `{ userId, name, scopes, expiresInDays }` acting as that account — its role and
 * groups, nothing more. Give a bot its own account with only the groups it needs.
 */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, createServiceTokenSchema)
  if (!body.ok) return body.response
  const created = await createApiToken(getDb(), { ...body.data, kind: 'service', actorId: auth.user.id })
  return createdTokenResponse(created)
})
