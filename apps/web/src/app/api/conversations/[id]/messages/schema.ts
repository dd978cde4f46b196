/** `GET /api/conversations/:id/messages`: the conversation's id. */
export { conversationIdSchema } from '@/lib/shared/chat/conversation-fields'
