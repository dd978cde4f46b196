import { z } from 'zod'
import { conversationTitleSchema } from '@/lib/shared/chat/conversation-fields'

/** `PATCH` and `DELETE /api/conversations/:id`: the conversation's id; a rename takes the new title. */
export { conversationIdSchema } from '@/lib/shared/chat/conversation-fields'

export const renameConversationSchema = z.object({ title: conversationTitleSchema })
