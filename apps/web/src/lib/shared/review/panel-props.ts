import type { AnswerDetail } from '@policydesk/db'

export type Verdict = 'approved' | 'corrected' | 'rejected'

export type PanelCandidate = {
  chunkId: string
  rank: number
  title: string
  versionNo: number | null
  page: number | null
  passage: string
  used: boolean
  cited: boolean
}

export type PanelReview = {
  verdict: Verdict
  labels: string[]
  notes: string | null
  correctedAnswer: string | null
  /** Chunk ids of the corrected answer's citations, [1] first. */
  citedChunkIds: string[]
  reviewerName: string | null
}

/** What the client-side review panel needs from a detail (readable passages only; no hidden text). */
export function panelPropsFor(detail: AnswerDetail): {
  traceId: string
  abstained: boolean
  answer: string
  originalCitedChunkIds: string[]
  candidates: PanelCandidate[]
  review: PanelReview | null
  curated: { id: string; status: string; statusReason: string | null }[]
} {
  const { trace, review } = detail
  const candidates: PanelCandidate[] = []
  for (const c of detail.candidates) {
    if (!c.readable || c.passage === null || c.title === null) continue
    candidates.push({
      chunkId: c.chunkId,
      rank: c.rank,
      title: c.title,
      versionNo: c.versionNo,
      page: c.page,
      passage: c.passage,
      used: c.used,
      cited: c.cited,
    })
  }
  // Cited and used passages first: those are what a correction usually keeps.
  candidates.sort(
    (a, b) => Number(b.cited) - Number(a.cited) || Number(b.used) - Number(a.used) || a.rank - b.rank,
  )
  return {
    traceId: trace.id,
    abstained: trace.abstained,
    answer: trace.answer,
    originalCitedChunkIds: [...trace.citations].sort((a, b) => a.n - b.n).map((c) => c.chunkId),
    candidates,
    review: review
      ? {
          verdict: review.verdict,
          labels: review.labels,
          notes: review.notes,
          correctedAnswer: review.correctedAnswer,
          citedChunkIds: [...(review.correctedCitations ?? [])]
            .sort((a, b) => a.n - b.n)
            .map((c) => c.chunkId),
          reviewerName: review.reviewerName,
        }
      : null,
    curated: detail.curated.map((c) => ({ id: c.id, status: c.status, statusReason: c.statusReason })),
  }
}
