import { z } from 'zod'

/**
 * `POST /api/admin/playground`: a question and whose eyes to read it through — a user (their groups) or a
 * group (plus `everyone`). The result's shape is in lib/shared/admin/playground-schema.ts.
 */
export const playgroundRequestSchema = z.object({
  question: z.string().trim().min(1, 'type a question').max(1000, 'questions have at most 1000 characters'),
  reader: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), userId: z.uuid() }),
    z.object({ kind: z.literal('group'), groupId: z.uuid() }),
  ]),
})
export type PlaygroundRequest = z.infer<typeof playgroundRequestSchema>
