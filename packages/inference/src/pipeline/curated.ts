import { type DbOrTx, schema, sql } from '@policydesk/db'
import { contentTerms } from '@policydesk/ingest'
import { eq } from 'drizzle-orm'
import { normalizeQuestion } from './answer-cache'
import type { AnswerCitation } from './types'

/** Term-set Jaccard at or above which a question gets a curated answer (near-identical wording). */
export const CURATED_MATCH = 0.8

const jaccard = (a: Set<string>, b: Set<string>) => {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return shared / (a.size + b.size - shared)
}

type CitedChunk = {
  chunk_id: string
  text: string
  heading_path: string[]
  slug: string
  current: boolean
  readable: boolean
}

/**
 * The curated answer for a question, when one matches closely, every document it cites is readable by
 * the asker, and every cited passage is still in its document's current version. A curated answer whose
 * sources changed is flagged `needs_review` (and not served): never stale.
 */
export async function findCuratedAnswer(
  db: DbOrTx,
  question: string,
  groupIds: string[],
): Promise<{ id: string; answer: string; citations: AnswerCitation[] } | null> {
  const terms = new Set(contentTerms(question))
  const active = await db
    .select()
    .from(schema.curatedAnswers)
    .where(eq(schema.curatedAnswers.status, 'active'))
  const ranked = active
    .map((row) => ({ row, score: jaccard(terms, new Set(contentTerms(row.question))) }))
    .filter((m) => m.score >= CURATED_MATCH)
    .sort((a, b) => b.score - a.score)
  for (const { row } of ranked) {
    const chunkIds = row.citations.map((c) => c.chunkId)
    const found = (
      await db.execute(sql`
        select c.id as chunk_id, c.text, c.heading_path, d.slug,
          (d.deleted_at is null and d.current_version_id = c.version_id) as current,
          exists (select 1 from document_groups dg where dg.document_id = d.id
                  and dg.group_id = any(${sql.param(groupIds)}::uuid[])) as readable
        from chunks c
        join document_versions v on v.id = c.version_id
        join documents d on d.id = v.document_id
        where c.id = any(${sql.param(chunkIds)}::uuid[])`)
    ).rows as CitedChunk[]
    const byId = new Map(found.map((f) => [f.chunk_id, f]))
    const stale = row.citations.some((c) => !byId.get(c.chunkId)?.current)
    if (stale) {
      await flagCurated(db, row.id, 'A cited document changed or was removed since this answer was curated')
      continue
    }
    if (row.citations.some((c) => !byId.get(c.chunkId)?.readable)) continue
    return {
      id: row.id,
      answer: row.answer,
      citations: row.citations.map((c) => {
        const chunk = byId.get(c.chunkId)
        return {
          ...c,
          documentSlug: chunk?.slug ?? '',
          headingPath: chunk?.heading_path ?? [],
          passage: chunk?.text ?? '',
        }
      }),
    }
  }
  return null
}

async function flagCurated(db: DbOrTx, id: string, reason: string): Promise<void> {
  await db
    .update(schema.curatedAnswers)
    .set({ status: 'needs_review', statusReason: reason })
    .where(eq(schema.curatedAnswers.id, id))
}

export type PromoteInput = {
  question: string
  answer: string
  citations: schema.TraceCitation[]
  sourceTraceId: string | null
  createdBy: string | null
}

/** Makes a reviewed answer the curated answer for its question (replacing an older one for the same wording). */
export async function promoteCuratedAnswer(db: DbOrTx, input: PromoteInput): Promise<string> {
  if (input.citations.length === 0) throw new Error('A curated answer needs at least one citation')
  const normalized = normalizeQuestion(input.question)
  await db
    .update(schema.curatedAnswers)
    .set({ status: 'retired', statusReason: 'Replaced by a newer curated answer' })
    .where(
      sql`${schema.curatedAnswers.normalizedQuestion} = ${normalized} and ${schema.curatedAnswers.status} <> 'retired'`,
    )
  const [row] = await db
    .insert(schema.curatedAnswers)
    .values({
      question: input.question,
      normalizedQuestion: normalized,
      answer: input.answer,
      citations: input.citations,
      sourceTraceId: input.sourceTraceId,
      createdBy: input.createdBy,
    })
    .returning({ id: schema.curatedAnswers.id })
  if (!row) throw new Error('Could not store the curated answer')
  return row.id
}
