import { contentTerms, countTokens, normalizeText } from '@policydesk/text'

/**
 * Lower-cased words and numbers joined by single spaces: parsers re-render markup (a Markdown `*` bullet
 * becomes `-`, emphasis markers and curly quotes are dropped or folded), so evidence copied verbatim from a
 * source file is compared on its words, not on its punctuation.
 */
const squash = (text: string) => (normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')

/**
 * "Covers": compared word for word (see `squash`), the evidence string — or a contiguous part of it at
 * least half its length — occurs in the passage.
 */
export function covers(passage: string, evidence: string): boolean {
  const p = squash(passage)
  const e = squash(evidence)
  if (e.length === 0) return false
  if (p.includes(e)) return true
  const window = Math.ceil(e.length / 2)
  for (let start = 0; start + window <= e.length; start++) {
    if (p.includes(e.slice(start, start + window))) return true
  }
  return false
}

export const coversAny = (passage: string, evidence: string[]) => evidence.some((e) => covers(passage, e))

/** 1-based rank of the first passage covering the evidence within the first `limit`, else null. */
export function firstHitRank(passages: string[], evidence: string[], limit: number): number | null {
  const index = passages.slice(0, limit).findIndex((p) => coversAny(p, evidence))
  return index === -1 ? null : index + 1
}

/**
 * The development set's reference definition (its README): ranked passages concatenated and cut at a token
 * budget, the last one on a word boundary. Kept beside the context-based hit@tokens so numbers compare with
 * the reference BM25 point and with reports made before context assembly existed.
 */
export function hitWithinTokens(passages: string[], evidence: string[], budget: number): boolean {
  let used = 0
  const kept: string[] = []
  for (const passage of passages) {
    const tokens = countTokens(passage)
    if (used + tokens <= budget) {
      kept.push(passage)
      used += tokens
      continue
    }
    // Keep the part of the passage that fits, cut on a word boundary.
    const words = passage.split(/\s+/)
    let partial = ''
    for (const word of words) {
      const next = partial ? `${partial} ${word}` : word
      if (used + countTokens(next) > budget) break
      partial = next
    }
    if (partial) kept.push(partial)
    break
  }
  return coversAny(kept.join('\n'), evidence)
}

/** Token-level F1 over content terms (SQuAD-style, with this project's normaliser). */
export function tokenF1(prediction: string, reference: string): number {
  const pred = contentTerms(prediction)
  const ref = contentTerms(reference)
  if (pred.length === 0 || ref.length === 0) return 0
  const counts = new Map<string, number>()
  for (const t of ref) counts.set(t, (counts.get(t) ?? 0) + 1)
  let overlap = 0
  for (const t of pred) {
    const left = counts.get(t) ?? 0
    if (left > 0) {
      overlap++
      counts.set(t, left - 1)
    }
  }
  if (overlap === 0) return 0
  const precision = overlap / pred.length
  const recall = overlap / ref.length
  return (2 * precision * recall) / (precision + recall)
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? 0
}

export const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits
