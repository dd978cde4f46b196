import { stemmer as porterStem } from 'stemmer'

/**
 * Text normalisation shared by the built-in embedder and lexical scorers: lower-case, accents folded,
 * stop words dropped, the Porter stemmer so "refunds"/"refunded"/"refunding" meet.
 */
const STOP_WORDS = new Set(
  `a an and are as at be been but by can could do does did for from had has have how i if in into is it its
  may me might must my no not of on or our shall should so than that the their them then there these they
  this those to was we were what when where which who whom why will with would you your yours about also any
  am get got per via`
    .split(/\s+/)
    .filter(Boolean),
)

export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Porter stemming for words; numbers and short tokens pass through unchanged. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  return porterStem(word)
}

/** Content words (stemmed), in order. Numbers are kept: "30 days" matters in a policy. */
export function contentTerms(text: string): string[] {
  const words = normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []
  return words.filter((w) => !STOP_WORDS.has(w)).map(stem)
}
