import { contentTerms } from '@policydesk/text'

/**
 * Minimum support for a claim to count as grounded: at least 60% of the sentence's content words (stemmed,
 * stop words removed) must appear in a passage it cites. Chosen on samples/questions.jsonl: lower lets
 * paraphrased hallucinations through, higher flags legitimate paraphrase (see docs/quality.md).
 */
export const SUPPORT_THRESHOLD = 0.6

/** Sentences with fewer content words than this make no checkable claim ("Here is what I found."). */
export const MIN_CLAIM_TERMS = 3

const numbersIn = (text: string) => new Set(text.match(/\d+(?:[.,]\d+)?/g) ?? [])

/**
 * Lexical support of a sentence by a passage: the share of the sentence's content terms found in the
 * passage, halved when the sentence states a number the passage does not contain (wrong amounts and day
 * counts are the most harmful policy hallucinations).
 */
export function supportScore(sentence: string, passage: string): number {
  const terms = [...new Set(contentTerms(sentence))]
  if (terms.length === 0) return 1
  const passageTerms = new Set(contentTerms(passage))
  const covered = terms.filter((t) => passageTerms.has(t)).length / terms.length
  const passageNumbers = numbersIn(passage)
  const missingNumber = [...numbersIn(sentence)].some((n) => !passageNumbers.has(n))
  return missingNumber ? covered / 2 : covered
}

export function isClaim(sentence: string): boolean {
  return new Set(contentTerms(sentence)).size >= MIN_CLAIM_TERMS
}
