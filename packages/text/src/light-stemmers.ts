import type { Language } from './language'

/**
 * Light stemmers for the non-English languages (after J. Savoy's light stemmers, the ones Lucene ships as
 * German/French/Spanish/Portuguese "light" and "minimal" stemmers): they strip inflection — plurals,
 * gender, the common case endings — and leave derivation alone. For retrieval that is most of the gain of
 * a full Snowball stemmer with fewer wrong conflations, and it is small enough to own. Words arrive
 * lower-cased and accent-folded (normalizeText), so "Urlaubstage" is "urlaubstage", "férias" "ferias".
 */
type LightStemmer = (word: string) => string

const endsWith = (word: string, suffix: string, minStem: number) =>
  word.length - suffix.length >= minStem && word.endsWith(suffix)

/** German: -ern, -em/-en/-er/-es, -e, -s after a consonant that takes it; then -est, -er/-en, -st. */
const german: LightStemmer = (input) => {
  let w = input.replace(/ß/g, 'ss')
  const sEnding = (c: string | undefined) => c !== undefined && 'bdfghklmnt'.includes(c)
  if (endsWith(w, 'ern', 3)) w = w.slice(0, -3)
  else if (/(em|en|er|es)$/.test(w) && w.length > 4) w = w.slice(0, -2)
  else if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1)
  else if (w.endsWith('s') && w.length > 3 && sEnding(w.at(-2))) w = w.slice(0, -1)
  if (endsWith(w, 'est', 3)) w = w.slice(0, -3)
  else if (/(er|en)$/.test(w) && w.length > 4) w = w.slice(0, -2)
  else if (w.endsWith('st') && w.length > 5 && sEnding(w.at(-3))) w = w.slice(0, -2)
  return w
}

/** Portuguese: plurals (-ns → -m, -oes/-aes → -ao, -ais → -al, -eis → -el, -ois → -ol, -is → -il, -s), then gender -a/-o. */
const portuguese: LightStemmer = (input) => {
  let w = input
  const plural: [string, string][] = [
    ['ns', 'm'],
    ['oes', 'ao'],
    ['aes', 'ao'],
    ['ais', 'al'],
    ['eis', 'el'],
    ['ois', 'ol'],
    ['res', 'r'],
    ['les', 'l'],
    ['zes', 'z'],
    ['is', 'il'],
    ['s', ''],
  ]
  for (const [suffix, replacement] of plural)
    if (endsWith(w, suffix, 2)) {
      w = w.slice(0, -suffix.length) + replacement
      break
    }
  if (/[ao]$/.test(w) && w.length > 4) w = w.slice(0, -1)
  return w
}

/** Spanish: plurals (-ces → -z, -es after a consonant, -s), then gender -a/-o/-e. */
const spanish: LightStemmer = (input) => {
  let w = input
  if (endsWith(w, 'ces', 2)) w = `${w.slice(0, -3)}z`
  else if (endsWith(w, 'es', 3) && !/[aeiou]$/.test(w.slice(0, -2))) w = w.slice(0, -2)
  else if (endsWith(w, 's', 3)) w = w.slice(0, -1)
  if (/[aoe]$/.test(w) && w.length > 4) w = w.slice(0, -1)
  return w
}

/** French: plurals (-aux → -al, -x, -s), feminine -e, doubled final consonant of the feminine. */
const french: LightStemmer = (input) => {
  let w = input
  if (endsWith(w, 'aux', 2)) w = `${w.slice(0, -3)}al`
  else if (endsWith(w, 'x', 3) || endsWith(w, 's', 3)) w = w.slice(0, -1)
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  if (/(.)\1$/.test(w) && /[lnst]$/.test(w) && w.length > 4) w = w.slice(0, -1)
  return w
}

export const LIGHT_STEMMERS: Record<Exclude<Language, 'en'>, LightStemmer> = {
  de: german,
  pt: portuguese,
  es: spanish,
  fr: french,
}
