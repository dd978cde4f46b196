import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import {
  type HandoffViewer,
  handlesHandoffs,
  handoffAnswerableBy,
  handoffVisibleTo,
  type Viewer,
} from '../../access'
import type { DbOrTx } from '../../client'
import {
  documents,
  groups,
  type HandoffStatus,
  handoffReplies,
  handoffs,
  type TraceCitation,
  type UserAttributes,
  users,
} from '../../schema'
import { listMessages, type StoredMessage } from '../conversations'

export type HandoffListRow = {
  id: string
  question: string
  status: HandoffStatus
  askerName: string | null
  assigneeId: string | null
  assigneeName: string | null
  routedGroupName: string | null
  documentTitle: string | null
  createdAt: Date
  firstReplyAt: Date | null
  curatedAnswerId: string | null
}

const asker = alias(users, 'asker')
const assignee = alias(users, 'assignee')

const listColumns = {
  id: handoffs.id,
  question: handoffs.question,
  status: handoffs.status,
  askerName: asker.name,
  assigneeId: handoffs.assigneeId,
  assigneeName: assignee.name,
  routedGroupName: groups.name,
  documentTitle: documents.title,
  createdAt: handoffs.createdAt,
  firstReplyAt: handoffs.firstReplyAt,
  curatedAnswerId: handoffs.curatedAnswerId,
}

/** Keyset cursor of the list: the last row's createdAt and id. Opaque to clients. */
export const encodeHandoffCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url')

export function decodeHandoffCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const createdAt = new Date(at ?? '')
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) return null
  return { createdAt, id }
}

/**
 * Handoffs the viewer may see, newest first: `mine` = only those they asked; otherwise everything visible
 * (their own plus their groups' inbox). Keyset pagination on (createdAt, id).
 */
export async function listHandoffs(
  db: DbOrTx,
  viewer: HandoffViewer,
  options: {
    status?: HandoffStatus
    mine?: boolean
    limit?: number
    after?: { createdAt: Date; id: string }
  } = {},
): Promise<{ handoffs: HandoffListRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 100)
  const filters: (SQL | undefined)[] = [
    handoffVisibleTo(viewer),
    options.status ? eq(handoffs.status, options.status) : undefined,
    options.mine ? eq(handoffs.askerId, viewer.userId) : undefined,
    options.after
      ? sql`(${handoffs.createdAt}, ${handoffs.id}) < (${options.after.createdAt}, ${options.after.id})`
      : undefined,
  ]
  const rows = await db
    .select(listColumns)
    .from(handoffs)
    .leftJoin(asker, eq(asker.id, handoffs.askerId))
    .leftJoin(assignee, eq(assignee.id, handoffs.assigneeId))
    .leftJoin(groups, eq(groups.id, handoffs.routedGroupId))
    .leftJoin(documents, eq(documents.id, handoffs.documentId))
    .where(and(...filters))
    .orderBy(desc(handoffs.createdAt), desc(handoffs.id))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { handoffs: page, nextCursor: rows.length > limit && last ? encodeHandoffCursor(last) : null }
}

export type HandoffReplyView = {
  id: string
  authorName: string | null
  text: string
  citations: TraceCitation[]
  createdAt: Date
}

export type HandoffDetail = HandoffListRow & {
  askerId: string
  askerEmail: string | null
  answer: string
  sources: TraceCitation[]
  askerProfile: UserAttributes
  note: string | null
  conversationId: string | null
  traceId: string | null
  /** The viewer may reply, claim, close, promote. */
  canAnswer: boolean
  replies: HandoffReplyView[]
  /** The asker's conversation, as far as the viewer's groups may read its answers. */
  conversation: StoredMessage[]
}

/** One handoff with its replies and conversation, or null when it does not exist or is not visible. */
export async function getHandoff(
  db: DbOrTx,
  viewer: HandoffViewer,
  id: string,
): Promise<HandoffDetail | null> {
  const [row] = await db
    .select({
      ...listColumns,
      askerId: handoffs.askerId,
      askerEmail: asker.email,
      answer: handoffs.answer,
      sources: handoffs.sources,
      askerProfile: handoffs.askerProfile,
      note: handoffs.note,
      conversationId: handoffs.conversationId,
      traceId: handoffs.traceId,
      canAnswer: handoffAnswerableBy(viewer),
    })
    .from(handoffs)
    .leftJoin(asker, eq(asker.id, handoffs.askerId))
    .leftJoin(assignee, eq(assignee.id, handoffs.assigneeId))
    .leftJoin(groups, eq(groups.id, handoffs.routedGroupId))
    .leftJoin(documents, eq(documents.id, handoffs.documentId))
    .where(and(eq(handoffs.id, id), handoffVisibleTo(viewer)))
  if (!row) return null
  const replies = await db
    .select({
      id: handoffReplies.id,
      authorName: users.name,
      text: handoffReplies.text,
      citations: handoffReplies.citations,
      createdAt: handoffReplies.createdAt,
    })
    .from(handoffReplies)
    .leftJoin(users, eq(users.id, handoffReplies.authorId))
    .where(eq(handoffReplies.handoffId, id))
    .orderBy(asc(handoffReplies.createdAt))
  const conversation = row.conversationId
    ? await listMessages(db, { conversationId: row.conversationId, groupIds: viewer.groupIds })
    : []
  return { ...row, canAnswer: Boolean(row.canAnswer), replies, conversation }
}

/** Whether the viewer sees the /handoffs inbox (and its nav link). */
export async function viewerHandlesHandoffs(db: DbOrTx, viewer: Viewer): Promise<boolean> {
  const result = await db.execute<{ handles: boolean }>(sql`select ${handlesHandoffs(viewer)} as handles`)
  return Boolean(result.rows[0]?.handles)
}
