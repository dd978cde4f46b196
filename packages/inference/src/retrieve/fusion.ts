/** Reciprocal rank fusion (Cormack et al. 2009): robust to the two sides' incomparable score scales. */
export const RRF_K = 60

export type Ranked = { id: string; vectorRank: number | null; textRank: number | null }

export function reciprocalRankFusion<T extends Ranked>(items: T[], k = RRF_K): (T & { fusedScore: number })[] {
  return items
    .map((item) => ({
      ...item,
      fusedScore:
        (item.vectorRank === null ? 0 : 1 / (k + item.vectorRank)) + (item.textRank === null ? 0 : 1 / (k + item.textRank)),
    }))
    .sort((a, b) => b.fusedScore - a.fusedScore || a.id.localeCompare(b.id))
}
