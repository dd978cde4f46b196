import { type DbOrTx, loadChunks, loadRankerReviews, loadRatedCitations } from '@policydesk/db'
import type { RankerInput } from '@policydesk/inference'
import { type CandidateLabel, labelCandidates } from './labels'

export type RankerCandidate = RankerInput & {
  chunkId: string
  effectiveDate: string | null
  label: CandidateLabel | null
}

/** One reviewed retrieval: the query it ran with, every candidate it saw, labels where the review says. */
export type RankerTrace = {
  traceId: string
  /** The (rewritten) query retrieval ran with: what the ranker sees at inference. */
  query: string
  /** Questions are split by their text, so two traces of one question never straddle the split. */
  splitKey: string
  candidates: RankerCandidate[]
}

/** A thumbs up/down on an answer: counts toward the cited passages' history, never a training label. */
export type FeedbackSignal = { splitKey: string; rating: 'up' | 'down'; chunkTexts: string[] }

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * Every reviewed trace with its candidates' features inputs (passage text and headings from the chunks
 * table; purged passages are left out) and labels, plus feedback on cited passages.
 */
export async function loadRankerData(
  db: DbOrTx,
  options: { weakNegativeWeight: number },
): Promise<{ traces: RankerTrace[]; feedback: FeedbackSignal[]; purgedCandidates: number }> {
  const reviews = await loadRankerReviews(db)
  const feedbackRows = await loadRatedCitations(db)

  const chunkIds = [
    ...reviews.flatMap((r) => [
      ...r.candidates.map((c) => c.chunkId),
      ...(r.correctedCitations ?? []).map((c) => c.chunkId),
    ]),
    ...feedbackRows.flatMap((f) => f.citations.map((c) => c.chunkId)),
  ]
  const chunks = await loadChunks(db, chunkIds)
  let purgedCandidates = 0

  const traces = reviews.map((r): RankerTrace => {
    const labels = labelCandidates(
      {
        verdict: r.verdict,
        candidates: r.candidates,
        citations: r.citations,
        correctedCitations: r.correctedCitations,
        labels: r.labels,
      },
      options.weakNegativeWeight,
    )
    const candidates: RankerCandidate[] = []
    for (const c of r.candidates) {
      const chunk = chunks.get(c.chunkId)
      if (!chunk) {
        purgedCandidates++
        continue
      }
      candidates.push({
        chunkId: c.chunkId,
        documentSlug: chunk.documentSlug,
        title: c.title,
        headingPath: chunk.headingPath,
        text: chunk.text,
        tokenCount: chunk.tokenCount,
        vectorScore: c.vectorScore,
        vectorRank: c.vectorRank,
        textScore: c.textScore,
        textRank: c.textRank,
        fusedScore: c.fusedScore,
        effectiveDate: chunk.effectiveDate,
        label: labels.get(c.chunkId) ?? null,
      })
    }
    return { traceId: r.traceId, query: r.rewrittenQuery, splitKey: normalise(r.question), candidates }
  })

  const feedback = feedbackRows.map((f) => ({
    splitKey: normalise(f.question),
    rating: f.rating,
    chunkTexts: f.citations.flatMap((c) => {
      const chunk = chunks.get(c.chunkId)
      return chunk ? [chunk.text] : []
    }),
  }))
  return { traces, feedback, purgedCandidates }
}
