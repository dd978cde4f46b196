import { and, desc, eq, isNull } from 'drizzle-orm'
import { type HandoffViewer, traceSourcesReadableBy } from '../../access'
import type { DbOrTx } from '../../client'
import {
  answerTraces,
  conversations,
  documents,
  groups,
  type Handoff,
  handoffs,
  type TraceCandidate,
  type TraceCitation,
  users,
} from '../../schema'
import { enqueueWebhook, type HandoffWebhook } from './webhook-deliveries'

/** Where handoffs go when no document owner is set: HANDOFF_TAG_OWNERS and HANDOFF_DEFAULT_GROUP. */
export type HandoffRouting = {
  /** tag → group name, consulted when the best-matching document has no owner group. */
  tagOwners: Record<string, string>
  /** Group name of last resort (`hr`). */
  defaultGroup: string
}

/** Parses `HANDOFF_TAG_OWNERS=tag:group,tag2:group2`; blanks and malformed pairs are ignored. */
export function parseTagOwners(value: string | undefined): Record<string, string> {
  const owners: Record<string, string> = {}
  for (const pair of (value ?? '').split(',')) {
    const [tag, group] = pair.split(':').map((s) => s.trim())
    if (tag && group) owners[tag] = group
  }
  return owners
}

export type CreateHandoffInput = {
  asker: HandoffViewer
  traceId?: string
  conversationId?: string
  note?: string | null
  routing: HandoffRouting
  webhook?: HandoffWebhook | null
}

export type CreateHandoffResult =
  | { ok: true; handoff: Handoff; routedGroupName: string | null; deliveryIds: string[] }
  | { ok: false; reason: 'not-found' | 'no-answer'; message: string }

/**
 * The document whose owners should answer: the first cited document, else the best-ranked passage the
 * answer USED as context (an abstention cites nothing but may still have used candidates).
 */
export function bestMatchingDocument(
  citations: TraceCitation[],
  candidates: TraceCandidate[],
): string | null {
  const cited = citations[0]?.documentId
  if (cited) return cited
  const used = candidates.filter((c) => c.used).sort((a, b) => a.rank - b.rank)[0]
  return used?.documentId ?? candidates.slice().sort((a, b) => a.rank - b.rank)[0]?.documentId ?? null
}

async function groupIdNamed(db: DbOrTx, name: string): Promise<string | null> {
  const [row] = await db.select({ id: groups.id }).from(groups).where(eq(groups.name, name))
  return row?.id ?? null
}

/** Owner group of the document (its own owner, else the first of its tags with an owner), else the default. */
export async function routeHandoff(
  db: DbOrTx,
  documentId: string | null,
  routing: HandoffRouting,
): Promise<string | null> {
  if (documentId) {
    const [doc] = await db
      .select({ ownerGroupId: documents.ownerGroupId, tags: documents.tags })
      .from(documents)
      .where(eq(documents.id, documentId))
    if (doc?.ownerGroupId) return doc.ownerGroupId
    for (const tag of doc?.tags ?? []) {
      const owner = routing.tagOwners[tag]
      const id = owner ? await groupIdNamed(db, owner) : null
      if (id) return id
    }
  }
  return groupIdNamed(db, routing.defaultGroup)
}

/**
 * "Ask a person": snapshots the question, the answer the asker saw, its sources and the asker's profile,
 * routes it, and queues the `handoff.created` webhook. The trace must be the asker's own (by id, or the
 * latest answer of their conversation) and its sources still readable by them.
 */
export async function createHandoff(db: DbOrTx, input: CreateHandoffInput): Promise<CreateHandoffResult> {
  return db.transaction(async (tx) => {
    const own = and(eq(answerTraces.userId, input.asker.userId), traceSourcesReadableBy(input.asker.groupIds))
    let trace: typeof answerTraces.$inferSelect | undefined
    if (input.traceId) {
      ;[trace] = await tx
        .select()
        .from(answerTraces)
        .where(and(eq(answerTraces.id, input.traceId), own))
      if (!trace) return { ok: false, reason: 'not-found', message: 'No such answer.' }
    } else if (input.conversationId) {
      const [conversation] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          and(
            eq(conversations.id, input.conversationId),
            eq(conversations.userId, input.asker.userId),
            isNull(conversations.deletedAt),
          ),
        )
      if (!conversation) return { ok: false, reason: 'not-found', message: 'No such conversation.' }
      ;[trace] = await tx
        .select()
        .from(answerTraces)
        .where(and(eq(answerTraces.conversationId, conversation.id), own))
        .orderBy(desc(answerTraces.createdAt))
        .limit(1)
      if (!trace)
        return { ok: false, reason: 'no-answer', message: 'The conversation has no answer to hand off yet.' }
    } else {
      return { ok: false, reason: 'not-found', message: 'Name a traceId or a conversationId.' }
    }
    const documentId = bestMatchingDocument(trace.citations, trace.candidates)
    const routedGroupId = await routeHandoff(tx, documentId, input.routing)
    const [asker] = await tx
      .select({ attributes: users.attributes, name: users.name })
      .from(users)
      .where(eq(users.id, input.asker.userId))
    const [handoff] = await tx
      .insert(handoffs)
      .values({
        askerId: input.asker.userId,
        conversationId: trace.conversationId ?? input.conversationId ?? null,
        traceId: trace.id,
        question: trace.question,
        answer: trace.answer,
        sources: trace.citations,
        askerProfile: asker?.attributes ?? {},
        note: input.note?.trim() || null,
        documentId,
        routedGroupId,
      })
      .returning()
    if (!handoff) throw new Error('Could not store the handoff')
    const routedGroupName = routedGroupId
      ? ((await tx.select({ name: groups.name }).from(groups).where(eq(groups.id, routedGroupId)))[0]?.name ??
        null)
      : null
    const deliveryIds: string[] = []
    if (input.webhook) {
      deliveryIds.push(
        await enqueueWebhook(tx, input.webhook, {
          handoffId: handoff.id,
          event: 'handoff.created',
          payload: {
            handoff: {
              id: handoff.id,
              question: handoff.question,
              note: handoff.note,
              status: handoff.status,
              routedGroup: routedGroupName,
              askerName: asker?.name ?? null,
              createdAt: handoff.createdAt.toISOString(),
            },
          },
        }),
      )
    }
    return { ok: true, handoff, routedGroupName, deliveryIds }
  })
}
