import { z } from 'zod'

const title = z
  .string()
  .trim()
  .min(1, 'the title is empty')
  .max(120, 'the title is longer than 120 characters')

export const createConversationSchema = z.object({ title: title.optional() })
export const renameConversationSchema = z.object({ title })
export const conversationIdSchema = z.uuid()
