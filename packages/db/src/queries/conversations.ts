import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { readableByGroups, traceSourcesReadableBy } from '../access'
import type { DbOrTx } from '../client'
import {
  answerTraces,
  CURATED_MODEL,
  chunks,
  conversations,
  documents,
  documentVersions,
  feedback,
  handoffReplies,
  messages,
  type TraceCitation,
  type TraceValidation,
} from '../schema'

export type ConversationSummary = { id: string; title: string; createdAt: Date; updatedAt: Date }

const summaryColumns = {
  id: conversations.id,
  title: conversations.title,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
}

/** Every lookup is scoped to the owner and skips soft-deleted rows: a foreign or deleted id is "not found". */
const owned = (id: string, userId: string) =>
  and(eq(conversations.id, id), eq(conversations.userId, userId), isNull(conversations.deletedAt))

export async function createConversation(
  db: DbOrTx,
  input: { userId: string; title: string },
): Promise<ConversationSummary> {
  const [row] = await db
    .insert(conversations)
    .values({ userId: input.userId, title: input.title })
    .returning(summaryColumns)
  if (!row) throw new Error('Could not create the conversation')
  return row
}

/**
 * A new conversation holding its first question, in one statement: the chat's hot path makes one round
 * trip instead of two (docs/benchmarks.md, "through the web route"). The message's foreign key is checked
 * at the end of the statement, when the conversation row exists.
 */
export async function createConversationWithQuestion(
  db: DbOrTx,
  input: { userId: string; title: string; question: string },
): Promise<ConversationSummary> {
  const result = await db.execute(sql`
    with created as (
      insert into ${conversations} (user_id, title) values (${input.userId}, ${input.title})
      returning id, title, created_at, updated_at),
    asked as (
      insert into ${messages} (conversation_id, role, content)
      select id, 'user', ${input.question} from created)
    select id, title, created_at, updated_at from created`)
  const [row] = result.rows as {
    id: string
    title: string
    created_at: Date | string
    updated_at: Date | string
  }[]
  if (!row) throw new Error('Could not create the conversation')
  return {
    id: row.id,
    title: row.title,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

/**
 * The user's conversations, latest first; `unread` when a person's reply to a handoff (a message with
 * handoffId) has not been seen yet — the sidebar's dot.
 */
export async function listConversations(
  db: DbOrTx,
  input: { userId: string; limit?: number },
): Promise<(ConversationSummary & { unread: boolean })[]> {
  return db
    .select({
      ...summaryColumns,
      // Qualified by hand: drizzle renders a single-table select's columns unqualified.
      unread: sql<boolean>`exists (select 1 from ${messages} m where m.conversation_id = "conversations"."id"
        and m.handoff_id is not null and m.read_at is null)`,
    })
    .from(conversations)
    .where(and(eq(conversations.userId, input.userId), isNull(conversations.deletedAt)))
    .orderBy(desc(conversations.updatedAt))
    .limit(input.limit ?? 100)
}

export async function getConversation(
  db: DbOrTx,
  input: { id: string; userId: string },
): Promise<ConversationSummary | null> {
  const [row] = await db.select(summaryColumns).from(conversations).where(owned(input.id, input.userId))
  return row ?? null
}

export async function renameConversation(
  db: DbOrTx,
  input: { id: string; userId: string; title: string },
): Promise<ConversationSummary | null> {
  const [row] = await db
    .update(conversations)
    .set({ title: input.title })
    .where(owned(input.id, input.userId))
    .returning(summaryColumns)
  return row ?? null
}

/** Soft delete: traces keep pointing at the conversation, so analysts can still review its answers. */
export async function softDeleteConversation(
  db: DbOrTx,
  input: { id: string; userId: string },
): Promise<boolean> {
  const rows = await db
    .update(conversations)
    .set({ deletedAt: new Date() })
    .where(owned(input.id, input.userId))
    .returning({ id: conversations.id })
  return rows.length > 0
}

/** Moves the conversation to the top of the sidebar. */
export async function touchConversation(db: DbOrTx, id: string): Promise<void> {
  await db.update(conversations).set({ updatedAt: new Date() }).where(eq(conversations.id, id))
}

export async function addMessage(
  db: DbOrTx,
  input: { conversationId: string; role: 'user' | 'assistant'; content: string; traceId?: string | null },
): Promise<string> {
  const [row] = await db
    .insert(messages)
    .values({
      conversationId: input.conversationId,
      role: input.role,
      content: input.content,
      traceId: input.traceId ?? null,
    })
    .returning({ id: messages.id })
  if (!row) throw new Error('Could not store the message')
  return row.id
}

/**
 * Stores the assistant's answer and moves the conversation to the top of the sidebar, in one statement
 * (addMessage + touchConversation, one round trip instead of two). Returns the message id.
 */
export async function addAnswerMessage(
  db: DbOrTx,
  input: { conversationId: string; content: string; traceId: string | null },
): Promise<string> {
  const result = await db.execute(sql`
    with answered as (
      insert into ${messages} (conversation_id, role, content, trace_id)
      values (${input.conversationId}, 'assistant', ${input.content}, ${input.traceId})
      returning id),
    touched as (
      update ${conversations} set updated_at = now() where id = ${input.conversationId})
    select id from answered`)
  const [row] = result.rows as { id: string }[]
  if (!row) throw new Error('Could not store the message')
  return row.id
}

export type StoredMessage = {
  id: string
  role: 'user' | 'assistant'
  /**
   * null for an answer drawn on documents the owner may no longer read (access changed after it was
   * given): their own questions always show, such answers do not.
   */
  content: string | null
  createdAt: Date
  traceId: string | null
  abstained: boolean | null
  citations: TraceCitation[] | null
  validation: TraceValidation | null
  rating: 'up' | 'down' | null
  /** Served from a curated (analyst-reviewed) answer. */
  curated: boolean
  /** A person's reply to a handoff: its handoff, who wrote it, and when the asker saw it (null = unread). */
  handoffId: string | null
  authorName: string | null
  readAt: Date | null
}

/** Whether the message is a question or an answer whose sources the reader's groups may still read. */
const stillReadable = (groupIds: readonly string[]) =>
  sql<boolean>`(${answerTraces.id} is null or ${traceSourcesReadableBy(groupIds)})`

/**
 * A conversation's messages in order, with each answer's trace and the asker's own rating, for its owner
 * whose CURRENT groups are `groupIds`.
 */
export async function listMessages(
  db: DbOrTx,
  input: { conversationId: string; groupIds: readonly string[] },
): Promise<StoredMessage[]> {
  const rows = await db
    .select({
      id: messages.id,
      role: messages.role,
      content: messages.content,
      readable: stillReadable(input.groupIds),
      createdAt: messages.createdAt,
      traceId: messages.traceId,
      abstained: answerTraces.abstained,
      // An answer's citations, or those of a person's reply; the caller re-checks each one's readability.
      citations: sql<
        TraceCitation[] | null
      >`coalesce(${answerTraces.citations}, ${handoffReplies.citations})`,
      validation: answerTraces.validation,
      rating: feedback.rating,
      curated: sql<boolean>`coalesce(${answerTraces.model} = ${CURATED_MODEL}, false)`,
      handoffId: messages.handoffId,
      authorName: messages.authorName,
      readAt: messages.readAt,
    })
    .from(messages)
    .leftJoin(answerTraces, eq(answerTraces.id, messages.traceId))
    .leftJoin(handoffReplies, eq(handoffReplies.id, messages.handoffReplyId))
    .leftJoin(feedback, eq(feedback.traceId, messages.traceId))
    .where(eq(messages.conversationId, input.conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.role))
  return rows.map(({ readable, content, citations, ...row }) => ({
    ...row,
    content: readable ? content : null,
    citations: readable ? citations : null,
  }))
}

/**
 * The last turns of a conversation, oldest first: what follow-up rewriting needs. Answers the owner may
 * no longer read are left out (their text would reach the rewriting model).
 */
export async function conversationTurns(
  db: DbOrTx,
  input: { conversationId: string; groupIds: readonly string[]; limit?: number },
): Promise<{ role: 'user' | 'assistant'; content: string }[]> {
  const rows = await db
    .select({ role: messages.role, content: messages.content })
    .from(messages)
    .leftJoin(answerTraces, eq(answerTraces.id, messages.traceId))
    .where(and(eq(messages.conversationId, input.conversationId), stillReadable(input.groupIds)))
    .orderBy(desc(messages.createdAt))
    .limit(input.limit ?? 10)
  return rows.reverse()
}

export type CitationSource = {
  chunkId: string
  documentId: string
  title: string
  versionId: string
  versionNo: number
  headingPath: string[]
  page: number | null
  passage: string
}

/**
 * What a citation panel shows for cited chunks — only those whose document the reader's groups may read
 * right now (access can be revoked after an answer was given): the access rule is in the WHERE clause.
 */
export async function citationSources(
  db: DbOrTx,
  input: { chunkIds: string[]; groupIds: string[] },
): Promise<CitationSource[]> {
  if (input.chunkIds.length === 0 || input.groupIds.length === 0) return []
  return db
    .select({
      chunkId: chunks.id,
      documentId: documents.id,
      title: documents.title,
      versionId: documentVersions.id,
      versionNo: documentVersions.versionNo,
      headingPath: chunks.headingPath,
      page: chunks.pageStart,
      passage: chunks.text,
    })
    .from(chunks)
    .innerJoin(documentVersions, eq(documentVersions.id, chunks.versionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(
      and(
        inArray(chunks.id, input.chunkIds),
        isNull(documents.deletedAt),
        readableByGroups(input.groupIds, sql.raw('"documents"."id"')),
      ),
    )
}
