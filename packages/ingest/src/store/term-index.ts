import { TERMS_VERSION, type TermFrequencies, termFrequencies } from '@policydesk/text'

/** BM25 postings of one chunk: what `chunks.terms/term_freqs/term_count` store. */
export type ChunkTerms = TermFrequencies

/** A version's document frequencies and total length, stored next to its chunks (`version_term_stats`). */
export type VersionTermStats = { df: Map<string, number>; termTotal: number; termsVersion: number }

/**
 * The title and heading path give a unit its topic (a heading equal to the title counts once); a split
 * table's header row gives its rows their column names.
 */
export function chunkTerms(
  chunk: { text: string; headingPath: string[]; context?: string[] },
  title: string,
): ChunkTerms {
  return termFrequencies(chunk.text, [title, ...chunk.headingPath, ...(chunk.context ?? [])])
}

export function versionTermStats(chunks: ChunkTerms[]): VersionTermStats {
  const df = new Map<string, number>()
  let termTotal = 0
  for (const chunk of chunks) {
    termTotal += chunk.length
    for (const term of chunk.terms) df.set(term, (df.get(term) ?? 0) + 1)
  }
  return { df, termTotal, termsVersion: TERMS_VERSION }
}
