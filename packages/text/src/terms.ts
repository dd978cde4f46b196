import { stemmer as porterStem } from 'stemmer'
import { detectLanguage, type Language, STOP_WORDS } from './language'
import { LIGHT_STEMMERS } from './light-stemmers'

/**
 * Text normalisation shared by the built-in embedder and lexical scorers: lower-case, accents folded,
 * stop words dropped, then stemming so "refunds"/"refunded"/"refunding" meet — the Porter stemmer for
 * English, light stemmers for German, Portuguese, Spanish and French text (language.ts decides which).
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Stemming for words of a language (Porter for English); numbers and short tokens pass through unchanged. */
export function stem(word: string, language: Language = 'en'): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  return language === 'en' ? porterStem(word) : LIGHT_STEMMERS[language](word)
}

/**
 * English contractions and possessives, folded before splitting: "don't" would otherwise leave the
 * fragments "don" and "t", "employee's" the fragment "s" — rare strings that look distinctive to IDF.
 */
const CONTRACTION = /(\p{L})['’](s|d|m|ll|re|ve)\b/gu
const foldContractions = (text: string) =>
  text
    .replace(/\b(can)['’]t\b/g, '$1 not')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/n['’]t\b/g, ' not')
    .replace(CONTRACTION, '$1')

/** The words of a text as the index sees them: accent-folded, lower-cased, English contractions folded. */
export const textWords = (text: string): string[] =>
  foldContractions(normalizeText(text)).match(/[\p{L}\p{N}]+/gu) ?? []

/** The language a text is indexed in (English unless its stop words clearly say otherwise). */
export const textLanguage = (text: string): Language => detectLanguage(textWords(text))

/**
 * Content words (stemmed), in order. Numbers are kept: "30 days" matters in a policy. The language is the
 * text's own unless the caller knows better (a unit's title and headings are indexed in its body's).
 */
export function contentTerms(text: string, language?: Language): string[] {
  const words = textWords(text)
  const lang = language ?? detectLanguage(words)
  const stops = STOP_WORDS[lang]
  return words.filter((w) => !stops.has(w)).map((w) => stem(w, lang))
}
