import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import {
  hiddenDocumentsAmong,
  type ReviewViewer,
  redactCandidates,
  traceVisibleTo,
  type VisibleCandidate,
  visibleTurns,
} from '../access'
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
  type TraceCitation,
  users,
} from '../schema'

/**
 * A retrieved candidate with its passage. For a document the viewer may not read, everything that names
 * it (title, ids, passage, heading, page, version) is null: the same redaction as the exports.
 */
export type DetailCandidate = VisibleCandidate & {
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
    /** null for an earlier turn the viewer may not see: its answer drew on documents outside their groups. */
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

  const hidden = await hiddenDocumentsAmong(
    db,
    viewer,
    rawCandidates.map((c) => c.documentId),
  )
  const visible = redactCandidates(rawCandidates, hidden)
  const chunkIds = visible.flatMap((c) => (c.readable ? [c.chunkId] : []))
  const passages = chunkIds.length
    ? await db
        .select({
          chunkId: chunks.id,
          text: chunks.text,
          heading: chunks.heading,
          page: chunks.pageStart,
          versionNo: documentVersions.versionNo,
        })
        .from(chunks)
        .innerJoin(documentVersions, eq(documentVersions.id, chunks.versionId))
        .where(inArray(chunks.id, chunkIds))
    : []
  const byChunk = new Map(passages.map((p) => [p.chunkId, p]))
  const candidates = visible.map((c): DetailCandidate => {
    const p = c.readable ? byChunk.get(c.chunkId) : undefined
    return {
      ...c,
      passage: p?.text ?? null,
      heading: p?.heading ?? null,
      page: p?.page ?? null,
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

/** The messages of the trace's conversation up to its answer, hidden turns (question and answer) as null. */
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
      answerVisible: sql<boolean>`(${answerTraces.id} is null or ${traceVisibleTo(viewer)})`,
    })
    .from(messages)
    .leftJoin(answerTraces, eq(answerTraces.id, messages.traceId))
    .where(and(eq(messages.conversationId, conversationId), lte(messages.createdAt, answer.createdAt)))
    .orderBy(desc(messages.createdAt), desc(messages.role))
    .limit(limit)
  const ordered = rows.reverse()
  const visible = visibleTurns(ordered)
  return ordered.map(({ traceId: t, answerVisible: _visible, content, ...m }, i) => ({
    ...m,
    content: visible[i] ? content : null,
    current: t === traceId,
  }))
}
