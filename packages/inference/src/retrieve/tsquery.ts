import { normalizeText } from '@policydesk/ingest'

const STOP = new Set(
  'a an and are as at be by can do does for from has have how i if in is it my of on or our the to we what when where which who why will with you your me am was were this that these those there about'.split(
    ' ',
  ),
)

/**
 * An OR query over the question's words for `to_tsquery('english', …)`. Natural questions rarely have every
 * word in one passage, so AND (websearch_to_tsquery) misses; OR with ts_rank_cd still ranks passages that
 * match more words higher. Only [a-z0-9] words survive, so user text can never inject tsquery syntax.
 */
export function toOrTsQuery(question: string): string | null {
  const words = normalizeText(question).match(/[a-z0-9]+/g) ?? []
  const kept = [...new Set(words.filter((w) => w.length > 1 && !STOP.has(w)))]
  return kept.length > 0 ? kept.join(' | ') : null
}
