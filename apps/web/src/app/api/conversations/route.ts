import { createConversation, listConversations } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { createConversationSchema } from './schema'

export const dynamic = 'force-dynamic'

/** The signed-in user's conversations, most recently active first. */
export async function GET() {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const conversations = await listConversations(getDb(), { userId: auth.user.id })
  return Response.json({ conversations })
}

export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const body = await parseJsonBody(request, createConversationSchema)
  if (!body.ok) return body.response
  const conversation = await createConversation(getDb(), {
    userId: auth.user.id,
    title: body.data.title ?? 'New conversation',
  })
  return Response.json({ conversation }, { status: 201 })
})
