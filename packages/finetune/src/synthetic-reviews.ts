import {
  type Database,
  insertOperatorReview,
  loadChunks,
  reviewNotesStartingWith,
  type schema,
} from '@policydesk/db'
import { type AnswerResult, type Asker, answer, covers, type InferenceDeps } from '@policydesk/inference'
import { z } from 'zod'

/** The sample questions' format (samples/questions.jsonl), including who may ask them. */
export const syntheticQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.boolean(),
  doc_id: z.string().optional(),
  evidence: z.array(z.string()).default([]),
  answer: z.string().optional(),
  requires_group: z.string().optional(),
})
export type SyntheticQuestion = z.infer<typeof syntheticQuestionSchema>

export function parseSyntheticQuestions(jsonl: string): SyntheticQuestion[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = syntheticQuestionSchema.safeParse(JSON.parse(line))
      if (!parsed.success) throw new Error(`questions line ${i + 1}: ${parsed.error.issues[0]?.message}`)
      return parsed.data
    })
}

export const SYNTHETIC_NOTE = 'synthetic:'

export type SyntheticReview = {
  verdict: 'approved' | 'corrected' | 'rejected'
  labels: string[]
  correctedAnswer: string | null
  correctedCitations: schema.TraceCitation[] | null
}

type Passage = {
  chunkId: string
  documentId: string
  versionId: string
  title: string
  text: string
  page: number | null
}

const coversEvidence = (text: string, q: SyntheticQuestion) => q.evidence.some((e) => covers(text, e))

/**
 * What a careful reviewer holding the reference evidence would decide — deterministic, so the demo data
 * and the ranker experiment are reproducible:
 * - answerable, and a cited passage covers the evidence → approved;
 * - answerable, not covered by a citation, but a retrieved passage covers it → corrected: the reference
 *   answer citing that passage (`missed-answer` when the model abstained, else `wrong-source`);
 * - answerable and no retrieved passage covers it → rejected (`retrieval-miss`);
 * - unanswerable: abstained → approved (`correct-abstention`), answered → rejected (`should-abstain`).
 */
export function syntheticVerdict(
  q: SyntheticQuestion,
  result: AnswerResult,
  passages: Passage[],
): SyntheticReview {
  const none = { correctedAnswer: null, correctedCitations: null }
  if (!q.answerable)
    return result.abstained
      ? { verdict: 'approved', labels: ['correct-abstention'], ...none }
      : { verdict: 'rejected', labels: ['should-abstain'], ...none }
  if (!result.abstained && result.citations.some((c) => coversEvidence(c.passage, q)))
    return { verdict: 'approved', labels: [], ...none }
  const found = passages.find((p) => coversEvidence(p.text, q))
  if (!found)
    return {
      verdict: 'rejected',
      labels: result.abstained ? ['retrieval-miss'] : ['retrieval-miss', 'wrong-source'],
      ...none,
    }
  const reference = (q.answer ?? q.evidence[0] ?? '').trim().replace(/\s*\.?$/, '')
  return {
    verdict: 'corrected',
    labels: [result.abstained ? 'missed-answer' : 'wrong-source'],
    correctedAnswer: `${reference} [1].`,
    correctedCitations: [
      {
        n: 1,
        documentId: found.documentId,
        title: found.title,
        versionId: found.versionId,
        chunkId: found.chunkId,
        quote: q.evidence[0] ?? '',
        page: found.page,
      },
    ],
  }
}

export type SyntheticStats = {
  questions: number
  skipped: number
  approved: number
  corrected: number
  rejected: number
}

/**
 * Runs questions through the real answer pipeline (traces are written as for any user) and stores a
 * synthetic review per answer (notes `synthetic:<question id>`). Questions already reviewed this way are
 * skipped, so running it twice adds nothing.
 */
export async function generateSyntheticReviews(
  db: Database,
  deps: InferenceDeps,
  input: {
    questions: SyntheticQuestion[]
    askerFor: (q: SyntheticQuestion) => Asker
    reviewerId: string | null
    onProgress?: (done: number, total: number) => void
  },
): Promise<SyntheticStats> {
  const done = new Set(await reviewNotesStartingWith(db, SYNTHETIC_NOTE))
  const stats: SyntheticStats = {
    questions: input.questions.length,
    skipped: 0,
    approved: 0,
    corrected: 0,
    rejected: 0,
  }
  for (const [index, q] of input.questions.entries()) {
    input.onProgress?.(index, input.questions.length)
    const note = `${SYNTHETIC_NOTE}${q.id}`
    if (done.has(note)) {
      stats.skipped++
      continue
    }
    const result = await answer(deps, { question: q.question, user: input.askerFor(q) })
    if (!result.traceId) throw new Error('the answer pipeline wrote no trace')
    const chunks = await loadChunks(
      db,
      result.candidates.map((c) => c.chunkId),
    )
    const passages = result.candidates.flatMap((c) => {
      const chunk = chunks.get(c.chunkId)
      return chunk ? [{ ...c, text: chunk.text, page: chunk.pageStart }] : []
    })
    const review = syntheticVerdict(q, result, passages)
    await insertOperatorReview(db, {
      traceId: result.traceId,
      reviewerId: input.reviewerId,
      verdict: review.verdict,
      correctedAnswer: review.correctedAnswer,
      correctedCitations: review.correctedCitations,
      labels: review.labels,
      notes: note,
    })
    stats[review.verdict]++
  }
  input.onProgress?.(input.questions.length, input.questions.length)
  return stats
}
