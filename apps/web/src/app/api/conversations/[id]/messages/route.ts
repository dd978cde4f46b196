import { getConversation } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { openConversation } from '@/lib/server/chat/messages'
import { getDb } from '@/lib/server/db'
import { notFound, parseValue } from '@/lib/server/http'
import { conversationIdSchema } from './schema'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.anyone, { tokens: ['chat'] })
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, conversationIdSchema)
  if (!id.ok) return id.response
  const db = getDb()
  const conversation = await getConversation(db, { id: id.data, userId: auth.user.id })
  if (!conversation) return notFound('No such conversation.')
  // Opening a conversation marks its handoff replies read (they come back flagged unread this once).
  const messages = await openConversation(db, {
    conversationId: conversation.id,
    userId: auth.user.id,
    groupIds: auth.user.groupIds,
  })
  return Response.json({ conversation, messages })
}
