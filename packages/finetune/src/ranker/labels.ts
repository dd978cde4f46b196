import type { schema } from '@policydesk/db'

export type ReviewLabelInput = {
  verdict: 'approved' | 'corrected' | 'rejected'
  candidates: schema.TraceCandidate[]
  citations: schema.TraceCitation[]
  correctedCitations: schema.TraceCitation[] | null
  labels: string[]
}

export type CandidateLabel = { label: 0 | 1; weight: number; strong: boolean }

/**
 * Relevance labels of a reviewed trace's candidates, by chunk id:
 * - cited in an approved answer, or cited by a correction → positive;
 * - cited in a rejected answer, or cited by an answer labelled `wrong-source` (and not re-cited by the
 *   correction) → negative;
 * - retrieved but not cited in an approved/corrected answer → weak negative, with `weakNegativeWeight`
 *   (0 turns them off). All of them, however deep: the ranker re-orders the whole candidate list, so it
 *   must learn from the whole list (trained on the top ten only, it pushed deep passages up).
 * Candidates of rejected answers that were not cited stay unlabelled: the review does not say which of
 * them would have been right.
 */
export function labelCandidates(
  review: ReviewLabelInput,
  weakNegativeWeight: number,
): Map<string, CandidateLabel> {
  const labels = new Map<string, CandidateLabel>()
  const cited = new Set([
    ...review.citations.map((c) => c.chunkId),
    ...review.candidates.filter((c) => c.cited).map((c) => c.chunkId),
  ])
  const wrongSource = review.labels.includes('wrong-source')
  if (review.verdict === 'rejected') {
    for (const id of cited) labels.set(id, { label: 0, weight: 1, strong: true })
    return labels
  }
  const positives =
    review.verdict === 'corrected' && review.correctedCitations
      ? new Set(review.correctedCitations.map((c) => c.chunkId))
      : wrongSource
        ? new Set<string>()
        : cited
  for (const id of positives) labels.set(id, { label: 1, weight: 1, strong: true })
  if (wrongSource)
    for (const id of cited) if (!positives.has(id)) labels.set(id, { label: 0, weight: 1, strong: true })
  if (weakNegativeWeight > 0)
    for (const c of review.candidates)
      if (!labels.has(c.chunkId) && !cited.has(c.chunkId))
        labels.set(c.chunkId, { label: 0, weight: weakNegativeWeight, strong: false })
  return labels
}
