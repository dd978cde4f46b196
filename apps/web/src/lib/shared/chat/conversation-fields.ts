import { z } from 'zod'

/** A conversation's title, as created and as renamed. */
export const conversationTitleSchema = z
  .string()
  .trim()
  .min(1, 'the title is empty')
  .max(120, 'the title is longer than 120 characters')

/** A conversation id in a route's path (/api/conversations/:id and its messages). */
export const conversationIdSchema = z.uuid()
