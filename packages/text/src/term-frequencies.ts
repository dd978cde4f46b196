import { contentTerms, textLanguage } from './terms'

/**
 * What the BM25 index stores for one retrieval unit: its distinct terms, their frequencies, and its length
 * (the sum of the frequencies). Terms of the unit's context — document title and heading path — count
 * once per occurrence like body terms: a passage under "Refunds" is about refunds even when its sentences
 * only say "cancel within 14 days". Measured in docs/quality.md (heading weight 0.5–2 all within one
 * question of each other on both evaluation sets; 1 keeps the rule simple).
 */
/**
 * Bump when `contentTerms` or `termFrequencies` change what they produce (2: documents in German, Portuguese,
 * Spanish and French are stemmed in their language): stored chunks were indexed with
 * the old rules, and `policydesk db migrate` recomputes every version indexed with another version.
 */
export const TERMS_VERSION = 2

export type TermFrequencies = { terms: string[]; freqs: number[]; length: number }

export function termFrequencies(text: string, context: readonly string[] = []): TermFrequencies {
  const counts = new Map<string, number>()
  const seen = new Set<string>()
  const parts = [text]
  // Headings often repeat the title ("Refund policy" › "Refund policy › Enterprise"): count each once.
  for (const line of context) {
    const key = line.trim().toLowerCase()
    if (key && !seen.has(key)) {
      seen.add(key)
      parts.push(line)
    }
  }
  // One language for the unit: a German passage's title "Urlaubsrichtlinie" is stemmed as German too.
  const language = textLanguage(parts.join('\n'))
  for (const part of parts)
    for (const term of contentTerms(part, language)) counts.set(term, (counts.get(term) ?? 0) + 1)
  const terms = [...counts.keys()].sort()
  const freqs = terms.map((t) => counts.get(t) ?? 0)
  return { terms, freqs, length: freqs.reduce((sum, f) => sum + f, 0) }
}
