import 'server-only'
import type { CreatedApiToken } from '@policydesk/db'
import { refusal } from '@/lib/server/admin/responses'

/** The secret must not linger in any cache on the way back. */
const NO_STORE = { 'Cache-Control': 'no-store' }

/** 201 with the token and its secret (shown once), or the refusal people can act on. */
export function createdTokenResponse(created: CreatedApiToken): Response {
  if (!created.ok) {
    if (created.reason === 'scope-not-allowed')
      return Response.json({ error: created.detail, reason: created.reason }, { status: 422 })
    return refusal('user-not-found')
  }
  return Response.json({ token: created.token, secret: created.secret }, { status: 201, headers: NO_STORE })
}
