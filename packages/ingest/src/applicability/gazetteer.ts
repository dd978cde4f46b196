import type { schema } from '@policydesk/db'

type Applicability = schema.Applicability

/**
 * A small deterministic gazetteer: the ways a policy names the country it is written for. Names and
 * demonyms match case-insensitively on word boundaries; the bare abbreviations ("US", "UK") only in upper
 * case, so "us" the pronoun never matches. Deliberately short: a miss costs an admin one click, a false
 * suggestion is dismissed with one — neither changes retrieval until an admin confirms.
 */
const COUNTRY_TERMS: readonly {
  code: string
  names: string[]
  demonyms: string[]
  abbreviations?: string[]
}[] = [
  { code: 'PT', names: ['Portugal'], demonyms: ['Portuguese'] },
  { code: 'DE', names: ['Germany', 'Deutschland'], demonyms: ['German'] },
  {
    code: 'US',
    names: ['United States', 'United States of America', 'USA'],
    demonyms: ['American'],
    abbreviations: ['US', 'U.S.'],
  },
  {
    code: 'GB',
    names: ['United Kingdom', 'Great Britain', 'England'],
    demonyms: ['British'],
    abbreviations: ['UK', 'U.K.'],
  },
  { code: 'ES', names: ['Spain'], demonyms: ['Spanish'] },
  { code: 'FR', names: ['France'], demonyms: ['French'] },
  { code: 'IT', names: ['Italy'], demonyms: ['Italian'] },
  { code: 'NL', names: ['Netherlands'], demonyms: ['Dutch'] },
  { code: 'IE', names: ['Ireland'], demonyms: ['Irish'] },
  { code: 'PL', names: ['Poland'], demonyms: ['Polish'] },
  { code: 'CA', names: ['Canada'], demonyms: ['Canadian'] },
  { code: 'BR', names: ['Brazil'], demonyms: ['Brazilian'] },
  { code: 'IN', names: ['India'], demonyms: ['Indian'] },
]

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const alternation = (values: readonly string[]) => values.map(escapeRegExp).join('|')
const capitalised = (values: readonly string[]) => [
  ...values,
  ...values.map((v) => v.charAt(0).toUpperCase() + v.slice(1)),
]

const PEOPLE = ['employees', 'employee', 'staff', 'workers', 'colleagues', 'team members', 'contracts']
const SCOPE = ['in', 'of', 'based in', 'located in', 'employed in', 'working in']

type Matcher = { code: string; anywhere: RegExp[]; scoped: RegExp[] }

const matchers: Matcher[] = COUNTRY_TERMS.map((term) => {
  const words = `\\b(?:${alternation([...term.names, ...term.demonyms])})\\b`
  const names = `\\b(?:${alternation(term.names)})\\b`
  const people = `\\b(?:${alternation(PEOPLE)})\\b`
  const scope = `\\s+(?:${alternation(SCOPE)})\\s+(?:the\\s+)?`
  const anywhere = [new RegExp(words, 'iu')]
  // "employees in Portugal", "Portuguese staff", "staff based in the United States".
  const scoped = [new RegExp(`${people}${scope}${names}|${words}\\s+${people}`, 'iu')]
  if (term.abbreviations) {
    // Case-sensitive: "US" and "U.S.", never the pronoun "us".
    const abbrev = `(?<![\\w.])(?:${alternation(term.abbreviations)})(?!\\w)`
    const peopleCs = `\\b(?:${alternation(capitalised(PEOPLE))})\\b`
    anywhere.push(new RegExp(abbrev, 'u'))
    scoped.push(new RegExp(`${peopleCs}${scope}${abbrev}|${abbrev}\\s+${peopleCs}`, 'u'))
  }
  return { code: term.code, anywhere, scoped }
})

function mentions(text: string, pick: (m: Matcher) => RegExp[]): string[] {
  return matchers.filter((m) => pick(m).some((re) => re.test(text))).map((m) => m.code)
}

/** The countries a heading (or title) names. */
export function countriesInHeading(heading: string): string[] {
  return mentions(heading, (m) => m.anywhere)
}

/** How much of the body is read for scoping phrases: the introduction, where scope is usually stated. */
export const SUGGESTION_TEXT_CHARS = 1500

/**
 * Whom a document seems to apply to, from its title, its top-level headings and the start of its text:
 * a title naming countries wins; otherwise scoping phrases in the first part of the text. Null = nothing
 * found. Headings of sections (one of several countries) are not a document-level signal.
 */
export function suggestApplicability(input: { title: string; text: string }): Applicability | null {
  const fromTitle = countriesInHeading(input.title)
  if (fromTitle.length > 0) return { countries: fromTitle }
  const fromText = mentions(input.text.slice(0, SUGGESTION_TEXT_CHARS), (m) => m.scoped)
  if (fromText.length > 0) return { countries: fromText }
  return null
}

/**
 * A unit's own applicability from its heading path: the deepest heading below the document's title that
 * names countries ("## 3. Portugal", "### US employees"). The first entry (the title heading) is left to
 * the document's applicability. Null = the document's applies.
 */
export function sectionApplicability(headingPath: readonly string[]): Applicability | null {
  for (let i = headingPath.length - 1; i >= 1; i--) {
    const countries = countriesInHeading(headingPath[i] ?? '')
    if (countries.length > 0) return { countries }
  }
  return null
}
