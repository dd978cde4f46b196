import { contentTerms } from '@policydesk/text'
import { questionTerms } from '../answerability/question-terms'
import { matchesQuestionType, questionType } from '../answerability/question-type'
import { ABSTENTION } from '../prompt/answer-prompt'
import { tableRowsToStatements } from '../validate/table-rows'

export type ExtractiveSource = { n: number; title: string; text: string }

export type ExtractiveOptions = {
  /** Most sentences quoted (a list the best sentence introduces counts as one). */
  maxSentences: number
  /** A further sentence is quoted only when it scores at least this share of the best one. */
  followRatio: number
  /**
   * IDF of the question's terms over the reader's documents (from retrieval). Without it, rarity is
   * judged among the sources' sentences only, which undervalues the topic every source shares.
   */
  termWeights?: Record<string, number>
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = { maxSentences: 3, followRatio: 0.6 }

type Sentence = {
  n: number
  /** Position in the source, for document order. */
  order: number
  text: string
  terms: Set<string>
  listItem: boolean
  introducesList: boolean
}

/** Items of an introduced list quoted at most: beyond that the citation lets the reader see the rest. */
const MAX_LIST_ITEMS = 8

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const LIST_MARKER = /^\s*(?:[-*•]|\d+[.)])\s+/

/** Sentences of a source; list items and table rows (as statements) are sentences of their own. */
function sentencesOf(source: ExtractiveSource): Sentence[] {
  const out: Sentence[] = []
  for (const line of tableRowsToStatements(source.text).split(/\n+/)) {
    const listItem = LIST_MARKER.test(line)
    const clean = line.replace(LIST_MARKER, '').trim()
    if (!clean) continue
    for (const part of sentenceSegmenter.segment(clean)) {
      const text = part.segment.trim()
      if (!text) continue
      out.push({
        n: source.n,
        order: out.length,
        text,
        terms: new Set(contentTerms(text)),
        listItem,
        introducesList: /:\s*$/.test(text),
      })
    }
  }
  return out
}

/**
 * The built-in answerer: quotes, with citations, the fewest sentences of the sources that answer the
 * question. Sentences are scored by the rarity-weighted share of the question's terms they contain (terms
 * found only in the source's title or headings count half), times a penalty when they lack the form the
 * question asks for (a number, a duration…). The best sentence opens the answer; a list it introduces
 * follows it; another sentence joins only when it scores close to the best AND adds question terms the
 * quote does not cover yet and shares the best sentence's rarest question term (stays on its topic) — so
 * a yes/no question gets the one sentence that settles it, and the answer never opens on, or wanders to,
 * a sentence that shares only generic words. Quotes keep document order.
 *
 * Whether to answer at all is decided before generation, from the evidence (answerability.ts); this
 * function abstains only when no sentence shares a single term with the question.
 */
export function composeExtractiveAnswer(
  question: string,
  sources: ExtractiveSource[],
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
): string {
  const queryTerms = questionTerms(question)
  if (queryTerms.length === 0 || sources.length === 0) return ABSTENTION
  const type = questionType(question)
  const bySource = sources.map((source) => ({ source, sentences: sentencesOf(source) }))
  const all = bySource.flatMap((s) => s.sentences)

  const df = new Map<string, number>()
  for (const s of all) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1)
  const weight = (t: string) => options.termWeights?.[t] ?? Math.log(1 + all.length / (1 + (df.get(t) ?? 0)))
  const total = queryTerms.reduce((sum, t) => sum + weight(t), 0)
  if (total <= 0) return ABSTENTION

  const scored = bySource.flatMap(({ source, sentences }) => {
    const context = new Set(contentTerms(source.title))
    return sentences.map((s) => {
      let mass = 0
      for (const t of queryTerms) mass += s.terms.has(t) ? weight(t) : context.has(t) ? weight(t) / 2 : 0
      // A heading-like fragment rarely answers on its own; the form the question asks for matters.
      const fragment = s.terms.size < 4 && !s.introducesList ? 0.6 : 1
      const form = matchesQuestionType(type, s.text) ? 1 : 0.5
      return { ...s, score: (mass / total) * fragment * form }
    })
  })
  // Ties go to the more focused sentence (fewer other terms), then to retrieval and document order.
  const ranked = [...scored].sort(
    (a, b) => b.score - a.score || a.terms.size - b.terms.size || a.n - b.n || a.order - b.order,
  )
  const best = ranked[0]
  if (!best || best.score === 0) return ABSTENTION

  const picked = [best]
  const covered = new Set(queryTerms.filter((t) => best.terms.has(t)))
  // The rarest question term the best sentence has: every further sentence must share it (same topic).
  const anchor = [...covered].sort((a, b) => weight(b) - weight(a))[0]
  for (const candidate of ranked.slice(1)) {
    if (picked.length >= options.maxSentences || candidate.score < best.score * options.followRatio) break
    const adds = queryTerms.some((t) => candidate.terms.has(t) && !covered.has(t))
    const onTopic = anchor === undefined || candidate.terms.has(anchor)
    if (!adds || !onTopic || picked.some((p) => p.text === candidate.text)) continue
    picked.push(candidate)
    for (const t of candidate.terms) covered.add(t)
  }
  // A quoted sentence that introduces a list brings the list (the conditions, the cases) with it.
  const withLists = picked.flatMap((p) =>
    p.introducesList
      ? [
          p,
          ...scored
            .filter((s) => s.n === p.n && s.order > p.order && s.listItem)
            .filter(contiguous(p))
            .slice(0, MAX_LIST_ITEMS),
        ]
      : [p],
  )
  const unique = [...new Map(withLists.map((s) => [`${s.n}:${s.order}`, s])).values()]
  unique.sort((a, b) => a.n - b.n || a.order - b.order)
  return unique.map((s) => `${ensurePeriod(s.text)} [${s.n}]`).join(' ')
}

/** List items directly after `intro` (stops at the first non-item). */
function contiguous(intro: Sentence) {
  let expected = intro.order + 1
  return (s: Sentence) => {
    if (s.order !== expected) return false
    expected++
    return true
  }
}

const ensurePeriod = (sentence: string) => (/[.!?:;]$/.test(sentence) ? sentence : `${sentence}.`)
