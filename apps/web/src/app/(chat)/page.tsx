import { getConversation, listConversations } from '@policydesk/db'
import { z } from 'zod'
import { AppHeader } from '@/components/app-header'
import { ChatApp } from '@/components/chat/chat-app'
import { requirePageRole } from '@/lib/server/auth/require-role'
import { openConversation } from '@/lib/server/chat/messages'
import { getDb } from '@/lib/server/db'
import type { UiMessage } from '@/lib/shared/chat/types'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ c?: string }> }

/** The chat: every signed-in role may ask. `?c=<id>` reopens one of the user's conversations. */
export default async function ChatPage({ searchParams }: Props) {
  const user = await requirePageRole()
  const db = getDb()
  const requested = z.uuid().safeParse((await searchParams).c)
  const conversation = requested.success
    ? await getConversation(db, { id: requested.data, userId: user.id })
    : null
  const messages: UiMessage[] = conversation
    ? await openConversation(db, {
        conversationId: conversation.id,
        userId: user.id,
        groupIds: user.groupIds,
      })
    : []
  const conversations = await listConversations(db, { userId: user.id })
  return (
    <ChatApp
      userName={user.name}
      header={<AppHeader user={user} />}
      initialConversations={conversations.map((c) => ({
        id: c.id,
        title: c.title,
        updatedAt: c.updatedAt.toISOString(),
        // The open conversation's replies were just marked read.
        unread: c.unread && c.id !== conversation?.id,
      }))}
      initialConversationId={conversation?.id ?? null}
      initialMessages={messages}
    />
  )
}
