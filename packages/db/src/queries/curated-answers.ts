import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { curatedVisibleTo, type ReviewViewer, readableByGroups } from '../access'
import type { DbOrTx } from '../client'
import {
  type Applicability,
  type CuratedAnswer,
  type CuratedStatus,
  chunks,
  curatedAnswers,
  documents,
  documentVersions,
  type TraceCitation,
  type UserAttributes,
  users,
} from '../schema'
import { profileCondition } from './applicability-sql'
import { recordAudit } from './audit'

/**
 * Curated answers: served by the answer pipeline (active ones, to askers who may read every cited
 * document), managed in the review area (list, retire, re-approve; `curatedVisibleTo`).
 */

/**
 * The active curated answers that may be served to an asker with this profile: the curated answer's own
 * applicability (a handoff reply's asker scope; empty = everyone) checked by the rule retrieval filters
 * passages with. Cited passages are checked separately (curatedSourceChunks).
 */
export async function listActiveCuratedAnswers(
  db: DbOrTx,
  asker: { attributes?: UserAttributes } = {},
): Promise<CuratedAnswer[]> {
  return db
    .select()
    .from(curatedAnswers)
    .where(
      and(
        eq(curatedAnswers.status, 'active'),
        profileCondition(asker.attributes, sql.raw('"curated_answers"."applicability"')),
      ),
    )
}

export type CuratedSourceChunk = {
  chunkId: string
  text: string
  headingPath: string[]
  slug: string
  /** The chunk belongs to the current version of a non-deleted document. */
  current: boolean
  /** The asker's groups may read its document. */
  readable: boolean
  /** The passage applies to the asker's profile (the rule retrieval filters by: applicability-sql.ts). */
  applies: boolean
}

/**
 * The passages a curated answer cites, with whether they are current, readable by the asker and written
 * for the asker's profile (a curated "25 vacation days" quoting the Portugal rule is not served in Berlin).
 */
export async function curatedSourceChunks(
  db: DbOrTx,
  input: { chunkIds: string[]; groupIds: readonly string[]; attributes?: UserAttributes },
): Promise<CuratedSourceChunk[]> {
  if (input.chunkIds.length === 0) return []
  return db
    .select({
      chunkId: chunks.id,
      text: chunks.text,
      headingPath: chunks.headingPath,
      slug: documents.slug,
      current: sql<boolean>`(${documents.deletedAt} is null and ${documents.currentVersionId} = ${chunks.versionId})`,
      readable: readableByGroups(input.groupIds, sql.raw('"documents"."id"')),
      applies: sql<boolean>`${profileCondition(
        input.attributes,
        sql`coalesce(${chunks.applicability}, ${documents.applicability})`,
      )}`,
    })
    .from(chunks)
    .innerJoin(documentVersions, eq(documentVersions.id, chunks.versionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(inArray(chunks.id, input.chunkIds))
}

/** Takes a curated answer out of service until a reviewer looks at it (its sources changed). */
export async function flagCuratedAnswer(db: DbOrTx, id: string, reason: string): Promise<void> {
  await db
    .update(curatedAnswers)
    .set({ status: 'needs_review', statusReason: reason })
    .where(eq(curatedAnswers.id, id))
}

export type NewCuratedAnswer = {
  question: string
  normalizedQuestion: string
  answer: string
  citations: TraceCitation[]
  sourceTraceId: string | null
  createdBy: string | null
  /** Whom it may be served to; omitted/empty = everyone (cited passages still apply their own). */
  applicability?: Applicability
}

/** Stores a curated answer, retiring any other one for the same normalised question. */
export async function insertCuratedAnswer(db: DbOrTx, input: NewCuratedAnswer): Promise<string> {
  await db
    .update(curatedAnswers)
    .set({ status: 'retired', statusReason: 'Replaced by a newer curated answer' })
    // Answers for other employees (another country's reply to the same question) stay in service.
    .where(
      sql`${curatedAnswers.normalizedQuestion} = ${input.normalizedQuestion} and ${curatedAnswers.status} <> 'retired'
        and ${curatedAnswers.applicability} = ${JSON.stringify(input.applicability ?? {})}::jsonb`,
    )
  const [row] = await db.insert(curatedAnswers).values(input).returning({ id: curatedAnswers.id })
  if (!row) throw new Error('Could not store the curated answer')
  return row.id
}

export type CuratedListRow = {
  id: string
  question: string
  answer: string
  citations: TraceCitation[]
  status: CuratedStatus
  statusReason: string | null
  sourceTraceId: string | null
  /** Whom it is served to (empty = everyone); cited passages restrict further. */
  applicability: Applicability
  createdByName: string | null
  createdAt: Date
  updatedAt: Date
}

const statusOrder = sql`case ${curatedAnswers.status} when 'needs_review' then 0 when 'active' then 1 else 2 end`

/** Curated answers, those needing review first, then newest. */
export async function listCuratedAnswers(
  db: DbOrTx,
  viewer: ReviewViewer,
  options: { status?: CuratedStatus; limit?: number } = {},
): Promise<CuratedListRow[]> {
  return db
    .select({
      id: curatedAnswers.id,
      question: curatedAnswers.question,
      answer: curatedAnswers.answer,
      citations: curatedAnswers.citations,
      status: curatedAnswers.status,
      statusReason: curatedAnswers.statusReason,
      sourceTraceId: curatedAnswers.sourceTraceId,
      applicability: curatedAnswers.applicability,
      createdByName: users.name,
      createdAt: curatedAnswers.createdAt,
      updatedAt: curatedAnswers.updatedAt,
    })
    .from(curatedAnswers)
    .leftJoin(users, eq(users.id, curatedAnswers.createdBy))
    .where(
      and(curatedVisibleTo(viewer), options.status ? eq(curatedAnswers.status, options.status) : undefined),
    )
    .orderBy(statusOrder, desc(curatedAnswers.updatedAt))
    .limit(options.limit ?? 200)
}

export type CuratedChange =
  | { ok: true; status: CuratedStatus }
  | { ok: false; reason: 'not-found' | 'retired' | 'sources-gone'; message: string }

/** Takes a curated answer out of service for good (audited). */
export async function retireCuratedAnswer(
  db: DbOrTx,
  viewer: ReviewViewer,
  input: { id: string; actorId: string },
): Promise<CuratedChange> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(curatedAnswers)
      .set({ status: 'retired', statusReason: 'Retired by a reviewer' })
      .where(and(eq(curatedAnswers.id, input.id), curatedVisibleTo(viewer)))
      .returning({ id: curatedAnswers.id })
    if (!row) return { ok: false, reason: 'not-found', message: 'No such curated answer.' }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'curated.retired',
      targetType: 'curated_answer',
      targetId: input.id,
    })
    return { ok: true, status: 'retired' }
  })
}

/**
 * Puts a `needs_review` (or active) curated answer back into service. Its citations pin document
 * versions; each is re-pinned to the chunk of the document's CURRENT version that still contains the
 * quoted sentence. When a quote is gone, the answer stays flagged: it must be corrected from a new answer.
 */
export async function reapproveCuratedAnswer(
  db: DbOrTx,
  viewer: ReviewViewer,
  input: { id: string; actorId: string },
): Promise<CuratedChange> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(curatedAnswers)
      .where(and(eq(curatedAnswers.id, input.id), curatedVisibleTo(viewer)))
      .for('update')
    if (!row) return { ok: false, reason: 'not-found', message: 'No such curated answer.' }
    if (row.status === 'retired')
      return {
        ok: false,
        reason: 'retired',
        message: 'A retired answer cannot be re-approved; promote a new one.',
      }
    const repinned: TraceCitation[] = []
    const missing: string[] = []
    for (const citation of row.citations) {
      const [chunk] = await tx
        .select({ id: chunks.id, versionId: chunks.versionId, page: chunks.pageStart })
        .from(chunks)
        .innerJoin(documents, eq(documents.currentVersionId, chunks.versionId))
        .where(
          and(
            eq(documents.id, citation.documentId),
            sql`${documents.deletedAt} is null`,
            citation.quote
              ? sql`strpos(${chunks.text}, ${citation.quote}) > 0`
              : eq(chunks.id, citation.chunkId),
          ),
        )
        .orderBy(sql`${chunks.id} = ${citation.chunkId} desc`, chunks.ordinal)
        .limit(1)
      if (chunk)
        repinned.push({ ...citation, chunkId: chunk.id, versionId: chunk.versionId, page: chunk.page })
      else missing.push(citation.title)
    }
    if (missing.length > 0) {
      const message = `The cited passage is no longer in the current version of: ${[...new Set(missing)].join(', ')}.`
      await tx
        .update(curatedAnswers)
        .set({ status: 'needs_review', statusReason: message })
        .where(eq(curatedAnswers.id, row.id))
      return { ok: false, reason: 'sources-gone', message }
    }
    await tx
      .update(curatedAnswers)
      .set({ status: 'active', statusReason: null, citations: repinned })
      .where(eq(curatedAnswers.id, row.id))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'curated.reapproved',
      targetType: 'curated_answer',
      targetId: row.id,
      details: {
        previousStatus: row.status,
        repinned: repinned.filter((c, i) => c.chunkId !== row.citations[i]?.chunkId).length,
      },
    })
    return { ok: true, status: 'active' }
  })
}
