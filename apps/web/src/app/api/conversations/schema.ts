import { z } from 'zod'
import { conversationTitleSchema } from '@/lib/shared/chat/conversation-fields'

/** `POST /api/conversations`: a new conversation, titled or not. */
export const createConversationSchema = z.object({ title: conversationTitleSchema.optional() })
