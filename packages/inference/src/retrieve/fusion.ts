/**
 * Weighted reciprocal rank fusion (Cormack et al. 2009): robust to the two sides' incomparable score
 * scales. The weights let a weak side (the built-in hashing embedder is only lexical) inform the ranking
 * without drowning a strong one; see docs/quality.md for the values tried.
 */
export const RRF_K = 60

export type Ranked = { id: string; vectorRank: number | null; textRank: number | null }
export type FusionWeights = { vector: number; text: number }

export function reciprocalRankFusion<T extends Ranked>(
  items: T[],
  weights: FusionWeights = { vector: 1, text: 1 },
  k = RRF_K,
): (T & { fusedScore: number })[] {
  return items
    .map((item) => ({
      ...item,
      fusedScore:
        (item.vectorRank === null ? 0 : weights.vector / (k + item.vectorRank)) +
        (item.textRank === null ? 0 : weights.text / (k + item.textRank)),
    }))
    .sort((a, b) => b.fusedScore - a.fusedScore || a.id.localeCompare(b.id))
}
