import { contentTerms } from '@policydesk/text'

const CITATION = /\[\d{1,3}(?:\s*,\s*\d{1,3})*\]/g

/**
 * The near-duplicate key of an example: the question's and the answer's content terms (stemmed, stop
 * words and citation markers dropped, case and punctuation ignored). Two reviews of the same question
 * whose answers differ only in wording detail or citation numbering collapse to one example.
 */
export function duplicateKey(question: string, answer: string): string {
  const terms = (text: string) => contentTerms(text.replace(CITATION, ' ')).join(' ')
  return `${terms(question)}\u0000${terms(answer)}`
}

/** Keeps the first item of each key, in input order; returns the kept items and how many were dropped. */
export function dedupe<T>(items: T[], keyOf: (item: T) => string): { kept: T[]; dropped: number } {
  const seen = new Set<string>()
  const kept: T[] = []
  for (const item of items) {
    const key = keyOf(item)
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(item)
  }
  return { kept, dropped: items.length - kept.length }
}
