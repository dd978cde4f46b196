/**
 * The languages whose documents are stemmed and searched in their own language. English is the default:
 * text is treated as another language only on clear evidence, so English documents index exactly as before.
 */
export const LANGUAGES = ['en', 'de', 'pt', 'es', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

/** Folded like normalizeText folds the text: "für" is compared as "fur", "não" as "nao". */
const words = (list: string) =>
  new Set(list.normalize('NFKD').replace(/\p{M}/gu, '').split(/\s+/).filter(Boolean))

/**
 * Stop words per language, accent-folded like the text they are compared with (normalizeText). English's
 * list is the one the index has always used; the others are the frequent function words of each language.
 */
export const STOP_WORDS: Record<Language, Set<string>> = {
  en: words(`a an and are as at be been but by can could do does did for from had has have how i if in into is it
    its may me might must my no not of on or our shall should so than that the their them then there these
    they this those to was we were what when where which who whom why will with would you your yours about
    also any am get got per via until unless while whilst since during upon onto among whether though
    although because yet either neither nor`),
  de: words(`der die das den dem des ein eine einen einem einer eines und oder aber als am an auf aus bei bin bis
    bist da damit dann dass dein deine dem denn dich dir du durch er es euch euer für fur hat hatte haben habe
    hier ich ihm ihn ihr ihre im in ist ja jede jeder jedes kann kein keine man mich mir mit muss musst nach
    nicht noch nur ob sein seine sich sie sind so soll sollte über uber um uns unser unter vom von vor war
    waren was wann warum wenn wer werde werden wie wieviel viele wieviele wird wir wo zu zum zur`),
  pt: words(`a o as os um uma uns umas e ou mas de do da dos das no na nos nas em ao aos à às por pelo pela pelos
    pelas para com sem que se eu tu ele ela nós vos eles elas meu minha meus minhas seu sua seus suas é são
    foi ser ter tem têm tenho há como quando onde qual quais quanto quantos quantas quem porque não sim mais
    muito já também isso isto este esta esse essa num numa ou seja pode posso devo deve`),
  es: words(`el la los las un una unos unas y o pero de del al en por para con sin que se yo tú él ella nosotros
    ellos ellas mi mis su sus es son fue ser tiene tengo hay como cuando donde cual cuales cuanto cuantos
    cuantas quien porque no sí más muy ya también esto esta este ese esa puedo puede debo debe le les lo me
    te nos`),
  fr: words(`le la les un une des et ou mais de du au aux en par pour avec sans que qui se je tu il elle nous
    vous ils elles mon ma mes son sa ses leur leurs est sont été être avoir ai as a ont comme quand où quel
    quelle quels quelles combien pourquoi ne pas plus très aussi ce cette ces dans sur puis peut dois doit`),
}

/**
 * Each distinctive stop word with its language. Words in several languages' lists ("a", "no", "de") say
 * nothing about which one a text is in and are left out. One map lookup per token: detection runs on
 * every text the index or a question sees (docs/benchmarks.md, per-answer CPU).
 */
const LANGUAGE_OF: Map<string, Language> = new Map(
  LANGUAGES.flatMap((lang) =>
    [...STOP_WORDS[lang]]
      .filter((w) => !LANGUAGES.some((other) => other !== lang && STOP_WORDS[other].has(w)))
      .map((w) => [w, lang] as const),
  ),
)

/**
 * The language of an accent-folded, lower-cased word list, by distinctive stop words: another language
 * wins only with at least two distinctive hits and more than twice English's count. Short or mixed text
 * (a title, a product name) stays English.
 */
export function detectLanguage(tokens: readonly string[]): Language {
  const counts: Record<Language, number> = { en: 0, de: 0, pt: 0, es: 0, fr: 0 }
  for (const token of tokens) {
    const lang = LANGUAGE_OF.get(token)
    if (lang) counts[lang]++
  }
  let best: Language = 'en'
  let bestCount = 0
  for (const lang of LANGUAGES) {
    if (lang !== 'en' && counts[lang] > bestCount) {
      best = lang
      bestCount = counts[lang]
    }
  }
  return bestCount >= 2 && bestCount > 2 * counts.en ? best : 'en'
}
