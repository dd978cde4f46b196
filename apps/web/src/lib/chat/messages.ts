import 'server-only'
import { type Database, listMessages } from '@policydesk/db'
import { unverifiedSentences } from './answer-segments'
import { completeCitations, readableSources } from './citations'
import type { UiMessage } from './types'

/** A stored conversation in the shape the chat UI renders, with citations re-checked against access. */
export async function loadConversationMessages(
  db: Database,
  conversationId: string,
  groupIds: string[],
): Promise<UiMessage[]> {
  const rows = await listMessages(db, conversationId)
  const chunkIds = rows.flatMap((r) => (r.citations ?? []).map((c) => c.chunkId))
  const sources = await readableSources(db, chunkIds, groupIds)
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    content: row.content,
    traceId: row.traceId,
    abstained: row.abstained ?? false,
    citations: completeCitations(row.citations ?? [], sources),
    unverified: [...unverifiedSentences(row.validation?.sentences)],
    rating: row.rating,
    curated: row.curated,
    status: 'done',
  }))
}
