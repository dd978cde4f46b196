import 'server-only'
import {
  type Database,
  getAnswerDetail,
  type ReviewViewer,
  type StoredReview,
  saveReview,
} from '@policydesk/db'
import { type Validation, validateAnswer } from '@policydesk/inference'
import { reviewEnv } from '@/lib/server/review/env'
import { buildCorrectedCitations, type CitationPick } from '@/lib/shared/review/corrections'

export type ReviewRequestInput = {
  verdict: 'approved' | 'corrected' | 'rejected'
  labels: string[]
  notes?: string | null
  correctedAnswer?: string | null
  /** Retrieved candidates cited by the corrected answer, in citation order: the first is [1]. */
  citedChunkIds?: string[]
}

export type SaveReviewOutcome =
  | { ok: true; review: StoredReview; validation: Validation | null }
  | { ok: false; status: 400 | 404; error: string }

/** Checks labels and a correction's citations against the trace, then stores the review (audited). */
export async function saveReviewFromRequest(
  db: Database,
  viewer: ReviewViewer,
  reviewerId: string,
  traceId: string,
  input: ReviewRequestInput,
): Promise<SaveReviewOutcome> {
  const allowed = new Set(reviewEnv().labels)
  const unknown = input.labels.filter((l) => !allowed.has(l))
  if (unknown.length > 0) return { ok: false, status: 400, error: `Unknown label: ${unknown.join(', ')}` }

  let correctedCitations = null
  let validation: Validation | null = null
  if (input.verdict === 'corrected') {
    const text = input.correctedAnswer?.trim() ?? ''
    if (!text) return { ok: false, status: 400, error: 'Write the corrected answer.' }
    const detail = await getAnswerDetail(db, viewer, traceId)
    if (!detail) return { ok: false, status: 404, error: 'No such answer.' }
    const picks: CitationPick[] = []
    for (const [i, chunkId] of (input.citedChunkIds ?? []).entries()) {
      const candidate = detail.candidates.find((c) => c.chunkId === chunkId)
      if (!candidate?.readable || candidate.passage === null || candidate.title === null)
        return { ok: false, status: 400, error: 'A selected source is not one of this answer’s passages.' }
      picks.push({
        n: i + 1,
        chunkId,
        documentId: candidate.documentId,
        versionId: candidate.versionId,
        title: candidate.title,
        passage: candidate.passage,
        page: candidate.page,
      })
    }
    const built = buildCorrectedCitations(text, picks)
    if (!built.ok) return { ok: false, status: 400, error: built.error }
    correctedCitations = built.citations
    validation = validateAnswer(
      text,
      picks.map((p) => ({ n: p.n, text: p.passage })),
    )
  }
  const review = await saveReview(db, viewer, {
    traceId,
    reviewerId,
    verdict: input.verdict,
    correctedAnswer: input.correctedAnswer ?? null,
    correctedCitations,
    labels: input.labels,
    notes: input.notes ?? null,
  })
  if (!review) return { ok: false, status: 404, error: 'No such answer.' }
  return { ok: true, review, validation }
}
