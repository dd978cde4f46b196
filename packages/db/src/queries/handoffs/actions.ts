import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import {
  citableInReply,
  type HandoffViewer,
  handoffAnswerableBy,
  handoffVisibleTo,
  seesEverything,
} from '../../access'
import type { DbOrTx, Tx } from '../../client'
import { applicabilityOfProfile } from '../../profiles/scope'
import {
  chunks,
  conversations,
  documents,
  documentVersions,
  type Handoff,
  type HandoffStatus,
  handoffReplies,
  handoffs,
  messages,
  type TraceCitation,
  userGroups,
  users,
} from '../../schema'
import { recordAudit } from '../audit'
import { insertCuratedAnswer } from '../curated-answers'
import { readableGroupIds } from '../groups'
import { enqueueWebhook, type HandoffWebhook } from './webhook-deliveries'

export type HandoffFailure = {
  ok: false
  reason: 'not-found' | 'forbidden' | 'closed' | 'bad-citation' | 'bad-assignee' | 'no-reply'
  message: string
}

/**
 * Loads a handoff for a person answering it, locked: 404 when the viewer may not even see it, 403 when
 * they see it (the asker) but may not answer it.
 */
async function lockForAnswering(
  tx: Tx,
  viewer: HandoffViewer,
  id: string,
): Promise<{ ok: true; handoff: Handoff } | HandoffFailure> {
  const [row] = await tx
    .select({ handoff: handoffs, answerable: handoffAnswerableBy(viewer) })
    .from(handoffs)
    .where(and(eq(handoffs.id, id), handoffVisibleTo(viewer)))
    .for('update')
  if (!row) return { ok: false, reason: 'not-found', message: 'No such handoff.' }
  if (!row.answerable)
    return {
      ok: false,
      reason: 'forbidden',
      message: 'Only the group this question was handed to may do that.',
    }
  return { ok: true, handoff: row.handoff }
}

export type ReplyCitationInput = { chunkId: string; quote?: string }

/**
 * Turns the replier's cited passages into citations, refusing any document the ASKER may not read (they
 * will see the reply and its sources in their conversation) or the replier may not read.
 */
async function replyCitations(
  tx: Tx,
  viewer: HandoffViewer,
  askerId: string,
  input: ReplyCitationInput[],
): Promise<{ ok: true; citations: TraceCitation[] } | HandoffFailure> {
  if (input.length === 0) return { ok: true, citations: [] }
  const askerGroupIds = await readableGroupIds(tx, askerId)
  const rows = await tx
    .select({
      chunkId: chunks.id,
      versionId: chunks.versionId,
      text: chunks.text,
      page: chunks.pageStart,
      documentId: documents.id,
      title: documents.title,
      citable: citableInReply({ askerGroupIds, replier: viewer, documentId: sql.raw('"documents"."id"') }),
    })
    .from(chunks)
    .innerJoin(documentVersions, eq(documentVersions.id, chunks.versionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(inArray(chunks.id, [...new Set(input.map((c) => c.chunkId))]), isNull(documents.deletedAt)))
  const byId = new Map(rows.map((r) => [r.chunkId, r]))
  const citations: TraceCitation[] = []
  for (const [i, cited] of input.entries()) {
    const row = byId.get(cited.chunkId)
    if (!row) return { ok: false, reason: 'bad-citation', message: `citations.${i}: no such passage.` }
    if (!row.citable)
      return {
        ok: false,
        reason: 'forbidden',
        message: `citations.${i}: the asker may not read "${row.title}"; cite only documents they can read.`,
      }
    const quote = cited.quote?.trim() || row.text.slice(0, 300)
    if (!row.text.includes(quote))
      return {
        ok: false,
        reason: 'bad-citation',
        message: `citations.${i}: the quote is not in that passage.`,
      }
    citations.push({
      n: i + 1,
      documentId: row.documentId,
      title: row.title,
      versionId: row.versionId,
      chunkId: row.chunkId,
      quote,
      page: row.page,
    })
  }
  return { ok: true, citations }
}

/** The asker's conversation to write the reply into: the handoff's, else a new one (it was deleted). */
async function askerConversation(tx: Tx, handoff: Handoff): Promise<string> {
  if (handoff.conversationId) {
    const [live] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, handoff.conversationId), isNull(conversations.deletedAt)))
    if (live) return live.id
  }
  const [created] = await tx
    .insert(conversations)
    .values({ userId: handoff.askerId, title: handoff.question.slice(0, 80) })
    .returning({ id: conversations.id })
  if (!created) throw new Error('Could not create the conversation for the reply')
  return created.id
}

export type ReplyResult =
  | { ok: true; replyId: string; messageId: string; deliveryIds: string[] }
  | HandoffFailure

/**
 * A person's reply: stored, written into the asker's conversation as an unread assistant message from a
 * named person, the handoff marked answered (first reply time kept), and `handoff.replied` queued.
 */
export async function replyToHandoff(
  db: DbOrTx,
  viewer: HandoffViewer,
  input: {
    id: string
    text: string
    citations?: ReplyCitationInput[]
    authorName: string
    webhook?: HandoffWebhook | null
  },
): Promise<ReplyResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForAnswering(tx, viewer, input.id)
    if (!locked.ok) return locked
    const handoff = locked.handoff
    if (handoff.status === 'closed')
      return { ok: false, reason: 'closed', message: 'This handoff is closed; reopen it to reply.' }
    const cited = await replyCitations(tx, viewer, handoff.askerId, input.citations ?? [])
    if (!cited.ok) return cited
    const [reply] = await tx
      .insert(handoffReplies)
      .values({
        handoffId: handoff.id,
        authorId: viewer.userId,
        text: input.text,
        citations: cited.citations,
      })
      .returning({ id: handoffReplies.id, createdAt: handoffReplies.createdAt })
    if (!reply) throw new Error('Could not store the reply')
    const conversationId = await askerConversation(tx, handoff)
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId,
        role: 'assistant',
        content: input.text,
        handoffId: handoff.id,
        handoffReplyId: reply.id,
        authorName: input.authorName,
        readAt: null,
      })
      .returning({ id: messages.id })
    if (!message) throw new Error('Could not write the reply into the conversation')
    await tx.update(conversations).set({ updatedAt: new Date() }).where(eq(conversations.id, conversationId))
    await tx
      .update(handoffs)
      .set({
        status: 'answered',
        firstReplyAt: handoff.firstReplyAt ?? reply.createdAt,
        conversationId,
        assigneeId: handoff.assigneeId ?? viewer.userId,
        updatedAt: new Date(),
      })
      .where(eq(handoffs.id, handoff.id))
    const deliveryIds = input.webhook
      ? [
          await enqueueWebhook(tx, input.webhook, {
            handoffId: handoff.id,
            event: 'handoff.replied',
            payload: {
              handoff: { id: handoff.id, question: handoff.question, status: 'answered' },
              reply: {
                id: reply.id,
                authorName: input.authorName,
                text: input.text,
                createdAt: reply.createdAt.toISOString(),
              },
            },
          }),
        ]
      : []
    return { ok: true, replyId: reply.id, messageId: message.id, deliveryIds }
  })
}

export type UpdateResult = { ok: true; status: HandoffStatus; assigneeId: string | null } | HandoffFailure

/**
 * Claim/assign (assigneeId: a person who may answer it, or null) and close/reopen (`closed` / `open`; a
 * reopened handoff that has a reply is `answered`).
 */
export async function updateHandoff(
  db: DbOrTx,
  viewer: HandoffViewer,
  input: { id: string; status?: 'open' | 'closed'; assigneeId?: string | null },
): Promise<UpdateResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForAnswering(tx, viewer, input.id)
    if (!locked.ok) return locked
    const handoff = locked.handoff
    if (input.assigneeId) {
      const [person] = await tx
        .select({ role: users.role, member: isNotNull(userGroups.userId) })
        .from(users)
        .leftJoin(
          userGroups,
          and(eq(userGroups.userId, users.id), sql`${userGroups.groupId} = ${handoff.routedGroupId}`),
        )
        .where(eq(users.id, input.assigneeId))
      const eligible = person && (person.role === 'admin' || person.member)
      if (!eligible)
        return {
          ok: false,
          reason: 'bad-assignee',
          message: 'assigneeId: assign a member of the group it was handed to, or an admin.',
        }
    }
    const status: HandoffStatus =
      input.status === 'closed'
        ? 'closed'
        : input.status === 'open'
          ? handoff.firstReplyAt
            ? 'answered'
            : 'open'
          : handoff.status
    const assigneeId = input.assigneeId === undefined ? handoff.assigneeId : input.assigneeId
    await tx
      .update(handoffs)
      .set({ status, assigneeId, updatedAt: new Date() })
      .where(eq(handoffs.id, handoff.id))
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: 'handoff.updated',
      targetType: 'handoff',
      targetId: handoff.id,
      details: { status, assigneeId, previousStatus: handoff.status },
    })
    return { ok: true, status, assigneeId }
  })
}

export type PromoteResult = { ok: true; curatedAnswerId: string } | HandoffFailure

/** Whom a promoted reply is served to: employees like the asker (default), or everyone. */
export const PROMOTE_SCOPES = ['asker', 'everyone'] as const
export type PromoteScope = (typeof PROMOTE_SCOPES)[number]

/**
 * One click from a person's reply to a curated answer: the handoff's question, the reply's text and
 * citations, the handoff's trace as the source (so review lists it). Goes through insertCuratedAnswer
 * like a promoted review; the answer pipeline then serves it to the next asker of the same question —
 * by default only to employees like the original asker (same country, office, contract, department
 * where the asker had one: a person answered THEIR situation), or to everyone when the promoter says so.
 * `normalize` is the pipeline's question normaliser (packages/inference), passed in to keep db below it.
 */
export async function promoteHandoffReply(
  db: DbOrTx,
  viewer: HandoffViewer,
  input: { id: string; replyId: string; normalize: (question: string) => string; scope?: PromoteScope },
): Promise<PromoteResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForAnswering(tx, viewer, input.id)
    if (!locked.ok) return locked
    const handoff = locked.handoff
    const [reply] = await tx
      .select()
      .from(handoffReplies)
      .where(and(eq(handoffReplies.id, input.replyId), eq(handoffReplies.handoffId, handoff.id)))
    if (!reply) return { ok: false, reason: 'no-reply', message: 'replyId: no such reply to this handoff.' }
    const scope = input.scope ?? 'asker'
    const applicability = scope === 'asker' ? applicabilityOfProfile(handoff.askerProfile) : {}
    const curatedAnswerId = await insertCuratedAnswer(tx, {
      question: handoff.question,
      normalizedQuestion: input.normalize(handoff.question),
      answer: reply.text,
      citations: reply.citations,
      sourceTraceId: handoff.traceId,
      createdBy: viewer.userId,
      applicability,
    })
    await tx
      .update(handoffs)
      .set({ curatedAnswerId, updatedAt: new Date() })
      .where(eq(handoffs.id, handoff.id))
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: 'handoff.promoted',
      targetType: 'handoff',
      targetId: handoff.id,
      details: { replyId: reply.id, curatedAnswerId, scope, applicability, admin: seesEverything(viewer) },
    })
    return { ok: true, curatedAnswerId }
  })
}

/** The asker opened the conversation: its handoff replies are read. Returns how many were unread. */
export async function markHandoffRepliesRead(
  db: DbOrTx,
  input: { conversationId: string; userId: string },
): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(messages.conversationId, input.conversationId),
        isNotNull(messages.handoffId),
        isNull(messages.readAt),
        sql`exists (select 1 from ${conversations} c where c.id = ${messages.conversationId} and c.user_id = ${input.userId})`,
      ),
    )
    .returning({ id: messages.id })
  return rows.length
}
