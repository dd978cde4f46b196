import {
  curatedSourceChunks,
  type DbOrTx,
  flagCuratedAnswer,
  insertCuratedAnswer,
  listActiveCuratedAnswers,
  type schema,
} from '@policydesk/db'
import { contentTerms } from '@policydesk/text'
import { normalizeQuestion } from './answer-cache'
import type { AnswerCitation, Asker } from './types'

/** Term-set Jaccard at or above which a question gets a curated answer (near-identical wording). */
export const CURATED_MATCH = 0.8

const jaccard = (a: Set<string>, b: Set<string>) => {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return shared / (a.size + b.size - shared)
}

/**
 * The curated answer for a question, when one matches closely, every document it cites is readable by
 * the asker, every cited passage is still in its document's current version, and both the curated answer
 * (a handoff reply scoped to employees like its asker) and each cited passage apply to the asker's profile.
 * A curated answer whose sources changed is flagged `needs_review` (and not served): never stale.
 * Otherwise the question goes through retrieval like any other.
 */
export async function findCuratedAnswer(
  db: DbOrTx,
  question: string,
  asker: Pick<Asker, 'groupIds' | 'attributes'>,
): Promise<{ id: string; answer: string; citations: AnswerCitation[] } | null> {
  const terms = new Set(contentTerms(question))
  const active = await listActiveCuratedAnswers(db, { attributes: asker.attributes })
  const ranked = active
    .map((row) => ({ row, score: jaccard(terms, new Set(contentTerms(row.question))) }))
    .filter((m) => m.score >= CURATED_MATCH)
    .sort((a, b) => b.score - a.score)
  for (const { row } of ranked) {
    const found = await curatedSourceChunks(db, {
      chunkIds: row.citations.map((c) => c.chunkId),
      groupIds: asker.groupIds,
      attributes: asker.attributes,
    })
    const byId = new Map(found.map((f) => [f.chunkId, f]))
    const stale = row.citations.some((c) => !byId.get(c.chunkId)?.current)
    if (stale) {
      await flagCuratedAnswer(
        db,
        row.id,
        'A cited document changed or was removed since this answer was curated',
      )
      continue
    }
    if (row.citations.some((c) => !byId.get(c.chunkId)?.readable)) continue
    if (row.citations.some((c) => !byId.get(c.chunkId)?.applies)) continue
    return {
      id: row.id,
      answer: row.answer,
      citations: row.citations.map((c) => {
        const chunk = byId.get(c.chunkId)
        return {
          ...c,
          documentSlug: chunk?.slug ?? '',
          headingPath: chunk?.headingPath ?? [],
          passage: chunk?.text ?? '',
        }
      }),
    }
  }
  return null
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
  return insertCuratedAnswer(db, { ...input, normalizedQuestion: normalizeQuestion(input.question) })
}
