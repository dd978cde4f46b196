import { renameConversation, softDeleteConversation } from '@policydesk/db'
import { authorizeApi } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound, parseJsonBody, parseValue } from '@/lib/http'
import { conversationIdSchema, renameConversationSchema } from '../schema'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function PATCH(request: Request, { params }: Params) {
  const auth = await authorizeApi()
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
}

/** Soft delete: hidden from the user; its answer traces stay for review. */
export async function DELETE(_request: Request, { params }: Params) {
  const auth = await authorizeApi()
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, conversationIdSchema)
  if (!id.ok) return id.response
  const deleted = await softDeleteConversation(getDb(), { id: id.data, userId: auth.user.id })
  return deleted ? new Response(null, { status: 204 }) : notFound('No such conversation.')
}
