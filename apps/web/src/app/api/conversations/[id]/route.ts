import { renameConversation, softDeleteConversation } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound, parseJsonBody, parseValue } from '@/lib/server/http'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { conversationIdSchema, renameConversationSchema } from './schema'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export const PATCH = sameOriginOnly(async (request: Request, { params }: Params) => {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, conversationIdSchema)
  if (!id.ok) return id.response
  const body = await parseJsonBody(request, renameConversationSchema)
  if (!body.ok) return body.response
  const conversation = await renameConversation(getDb(), {
    id: id.data,
    userId: auth.user.id,
    title: body.data.title,
  })
  return conversation ? Response.json({ conversation }) : notFound('No such conversation.')
})

/** Soft delete: hidden from the user; its answer traces stay for review. */
export const DELETE = sameOriginOnly(async (_request: Request, { params }: Params) => {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, conversationIdSchema)
  if (!id.ok) return id.response
  const deleted = await softDeleteConversation(getDb(), { id: id.data, userId: auth.user.id })
  return deleted ? new Response(null, { status: 204 }) : notFound('No such conversation.')
})
