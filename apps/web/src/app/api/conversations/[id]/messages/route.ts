import { getConversation } from '@policydesk/db'
import { authorizeApi } from '@/lib/auth/require-role'
import { loadConversationMessages } from '@/lib/chat/messages'
import { getDb } from '@/lib/db'
import { notFound, parseValue } from '@/lib/http'
import { conversationIdSchema } from '../../schema'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi()
  if (!auth.ok) return auth.response
  const id = parseValue((await params).id, conversationIdSchema)
  if (!id.ok) return id.response
  const db = getDb()
  const conversation = await getConversation(db, { id: id.data, userId: auth.user.id })
  if (!conversation) return notFound('No such conversation.')
  const messages = await loadConversationMessages(db, conversation.id, auth.user.groupIds)
  return Response.json({ conversation, messages })
}
