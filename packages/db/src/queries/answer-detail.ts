import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import {
  answerTraces,
  type CuratedStatus,
  chunks,
  curatedAnswers,
  documents,
  documentVersions,
  feedback,
  messages,
  type ReviewVerdict,
  reviews,
  type TraceCandidate,
  type TraceCitation,
  users,
} from '../schema'
import { documentReadableBy, type ReviewViewer, traceVisibleTo } from './review-access'

/** A retrieved candidate with its passage; `passage` and `title` are null when the viewer may not read it. */
export type DetailCandidate = Omit<TraceCandidate, 'title'> & {
  title: string | null
  readable: boolean
  passage: string | null
  heading: string | null
  page: number | null
  versionNo: number | null
}

export type DetailVersion = {
  versionId: string
  documentId: string
  title: string
  versionNo: number
  effectiveDate: string | null
  current: boolean
  deleted: boolean
}

export type AnswerDetail = {
  trace: Omit<typeof answerTraces.$inferSelect, 'candidates'>
  user: { email: string; name: string } | null
  /** The conversation up to and including this answer, oldest first (at most `contextMessages`). */
  conversation: {
    id: string
    role: 'user' | 'assistant'
    /** null for an earlier answer the viewer may not see (it used documents outside their groups). */
    content: string | null
    createdAt: Date
    current: boolean
  }[]
  candidates: DetailCandidate[]
  versions: DetailVersion[]
  feedback: { rating: 'up' | 'down'; reason: string | null; comment: string | null; updatedAt: Date } | null
  review: {
    verdict: ReviewVerdict
    correctedAnswer: string | null
    correctedCitations: TraceCitation[] | null
    labels: string[]
    notes: string | null
    reviewerName: string | null
    updatedAt: Date
  } | null
  curated: { id: string; status: CuratedStatus; statusReason: string | null; createdAt: Date }[]
}

/** Everything an analyst needs to judge one answer, or null when it does not exist or is not visible. */
export async function getAnswerDetail(
  db: DbOrTx,
  viewer: ReviewViewer,
  id: string,
  contextMessages = 12,
): Promise<AnswerDetail | null> {
  const [row] = await db
    .select({ trace: answerTraces, email: users.email, name: users.name })
    .from(answerTraces)
    .leftJoin(users, eq(users.id, answerTraces.userId))
    .where(and(eq(answerTraces.id, id), traceVisibleTo(viewer)))
  if (!row) return null
  const { candidates: rawCandidates, ...trace } = row.trace

  const chunkIds = rawCandidates.map((c) => c.chunkId)
  const passages = chunkIds.length
    ? await db
        .select({
          chunkId: chunks.id,
          text: chunks.text,
          heading: chunks.heading,
          page: chunks.pageStart,
          versionNo: documentVersions.versionNo,
          readable: documentReadableBy(viewer, sql`${documents.id}`),
        })
        .from(chunks)
        .innerJoin(documentVersions, eq(documentVersions.id, chunks.versionId))
        .innerJoin(documents, eq(documents.id, documentVersions.documentId))
        .where(inArray(chunks.id, chunkIds))
    : []
  const byChunk = new Map(passages.map((p) => [p.chunkId, p]))
  const candidates = rawCandidates.map((c): DetailCandidate => {
    const p = byChunk.get(c.chunkId)
    // Used or cited candidates are readable by construction (traceVisibleTo); others may be redacted.
    const readable = p ? p.readable : c.used || c.cited
    return {
      ...c,
      title: readable ? c.title : null,
      readable,
      passage: readable ? (p?.text ?? null) : null,
      heading: readable ? (p?.heading ?? null) : null,
      page: readable ? (p?.page ?? null) : null,
      versionNo: p?.versionNo ?? null,
    }
  })

  const versionIds = [...new Set([...trace.versionIds, ...trace.citations.map((c) => c.versionId)])]
  const versions = versionIds.length
    ? await db
        .select({
          versionId: documentVersions.id,
          documentId: documents.id,
          title: documents.title,
          versionNo: documentVersions.versionNo,
          effectiveDate: documentVersions.effectiveDate,
          current: sql<boolean>`${documents.currentVersionId} = ${documentVersions.id}`,
          deleted: sql<boolean>`${documents.deletedAt} is not null`,
        })
        .from(documentVersions)
        .innerJoin(documents, eq(documents.id, documentVersions.documentId))
        .where(inArray(documentVersions.id, versionIds))
        .orderBy(asc(documents.title))
    : []

  const [fb] = await db
    .select({
      rating: feedback.rating,
      reason: feedback.reason,
      comment: feedback.comment,
      updatedAt: feedback.updatedAt,
    })
    .from(feedback)
    .where(eq(feedback.traceId, id))
  const [review] = await db
    .select({
      verdict: reviews.verdict,
      correctedAnswer: reviews.correctedAnswer,
      correctedCitations: reviews.correctedCitations,
      labels: reviews.labels,
      notes: reviews.notes,
      reviewerName: users.name,
      updatedAt: reviews.updatedAt,
    })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.traceId, id))
  const curated = await db
    .select({
      id: curatedAnswers.id,
      status: curatedAnswers.status,
      statusReason: curatedAnswers.statusReason,
      createdAt: curatedAnswers.createdAt,
    })
    .from(curatedAnswers)
    .where(eq(curatedAnswers.sourceTraceId, id))
    .orderBy(desc(curatedAnswers.createdAt))

  return {
    trace,
    user: row.email && row.name ? { email: row.email, name: row.name } : null,
    conversation: await conversationContext(db, viewer, trace.conversationId, id, contextMessages),
    candidates,
    versions,
    feedback: fb ?? null,
    review: review ?? null,
    curated,
  }
}

/** The messages of the trace's conversation up to its answer (the turn in context). */
async function conversationContext(
  db: DbOrTx,
  viewer: ReviewViewer,
  conversationId: string | null,
  traceId: string,
  limit: number,
): Promise<AnswerDetail['conversation']> {
  if (!conversationId) return []
  const [answer] = await db
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.traceId, traceId)))
  if (!answer) return []
  const rows = await db
    .select({
      id: messages.id,
      role: messages.role,
      content: messages.content,
      createdAt: messages.createdAt,
      traceId: messages.traceId,
      visible: sql<boolean>`(${answerTraces.id} is null or ${traceVisibleTo(viewer)})`,
    })
    .from(messages)
    .leftJoin(answerTraces, eq(answerTraces.id, messages.traceId))
    .where(and(eq(messages.conversationId, conversationId), lte(messages.createdAt, answer.createdAt)))
    .orderBy(desc(messages.createdAt), desc(messages.role))
    .limit(limit)
  return rows.reverse().map(({ traceId: t, visible, content, ...m }) => ({
    ...m,
    content: visible ? content : null,
    current: t === traceId,
  }))
}
