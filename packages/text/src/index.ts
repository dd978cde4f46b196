export { detectLanguage, LANGUAGES, type Language } from './language'
export { TERMS_VERSION, type TermFrequencies, termFrequencies } from './term-frequencies'
export { contentTerms, normalizeText, stem, textLanguage } from './terms'
export { countTokens, splitByTokens } from './tokens'
export {
  findUntrustedSpans,
  isUntrustedReason,
  UNTRUSTED_SUMMARY,
  type UntrustedReason,
  type UntrustedSpan,
  untrustedReasonLabels,
  untrustedReasons,
} from './untrusted'
