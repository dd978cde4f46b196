import 'server-only'
import { type Database, listMessages, markHandoffRepliesRead } from '@policydesk/db'
import { completeCitations, readableSources } from '@/lib/server/chat/citations'
import type { UiMessage } from '@/lib/shared/chat/types'
import { unverifiedSentences } from '@/lib/shared/chat/unverified'

/** What an earlier answer shows once it draws on documents the user may no longer read. */
export const WITHHELD_ANSWER =
  'This answer drew on documents you can no longer read, so it is no longer shown. Ask again to get an answer from what you can read now.'

/** A stored conversation in the shape the chat UI renders, with answers and citations re-checked against access. */
export async function loadConversationMessages(
  db: Database,
  conversationId: string,
  groupIds: string[],
): Promise<UiMessage[]> {
  const rows = await listMessages(db, { conversationId, groupIds })
  const chunkIds = rows.flatMap((r) => (r.citations ?? []).map((c) => c.chunkId))
  const sources = await readableSources(db, chunkIds, groupIds)
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    content: row.content ?? WITHHELD_ANSWER,
    traceId: row.traceId,
    abstained: row.abstained ?? false,
    citations: completeCitations(row.citations ?? [], sources),
    unverified: [...unverifiedSentences(row.validation?.sentences)],
    rating: row.rating,
    curated: row.curated,
    status: 'done',
    ...(row.handoffId
      ? { handoff: { id: row.handoffId, authorName: row.authorName ?? '', unread: row.readAt === null } }
      : {}),
  }))
}

/**
 * The conversation as its OWNER opens it: loaded with unread replies still flagged (the UI shows "New reply"
 * once), then marked read.
 */
export async function openConversation(
  db: Database,
  input: { conversationId: string; userId: string; groupIds: string[] },
): Promise<UiMessage[]> {
  const messages = await loadConversationMessages(db, input.conversationId, input.groupIds)
  if (messages.some((m) => m.handoff?.unread))
    await markHandoffRepliesRead(db, { conversationId: input.conversationId, userId: input.userId })
  return messages
}
