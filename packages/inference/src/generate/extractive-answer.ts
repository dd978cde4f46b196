import { contentTerms } from '@policydesk/ingest'
import { ABSTENTION } from '../prompt/answer-prompt'
import { splitSentences } from '../validate/sentences'
import { tableRowsToStatements } from '../validate/table-rows'

export type ExtractiveSource = { n: number; title: string; text: string }

/** Thresholds tuned on samples/questions.jsonl; the values tried are in docs/quality.md. */
export type ExtractiveOptions = {
  /** A sentence is quoted when it covers at least this share of the question's weighted terms. */
  quoteThreshold: number
  /** Abstain unless some passage (its text, title and headings) covers this share of the question. */
  passageCoverage: number
  maxSentences: number
}
export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  quoteThreshold: 0.25,
  passageCoverage: 0.5,
  maxSentences: 3,
}

/**
 * Words that shape a question but never occur in the answer ("How many…", "Can I get…", "What happens
 * if…"): they would count as uncovered and push answerable questions into abstention.
 */
const QUESTION_WORDS = new Set(
  contentTerms(
    'many much long often soon quickly need needs allowed allow able get gets happen happens possible ok okay tell know someone anyone anything something still keep kind way exactly actually really just want wants',
  ),
)

type Scored = { n: number; sentence: string; score: number; order: number }

/**
 * The built-in answerer: quotes the sentences of the retrieved passages that best cover the question, each
 * with its citation, and abstains when nothing covers it well. Deterministic and offline; it never states
 * anything the sources do not say, so it is the floor every configured model must beat.
 */
export function composeExtractiveAnswer(
  question: string,
  sources: ExtractiveSource[],
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
): string {
  const queryTerms = [...new Set(contentTerms(question))].filter((t) => !QUESTION_WORDS.has(t))
  if (queryTerms.length === 0 || sources.length === 0) return ABSTENTION

  const sentences = sources.flatMap((source) =>
    splitSentences(tableRowsToStatements(source.text)).map((sentence, order) => ({
      n: source.n,
      sentence,
      order,
      title: source.title,
    })),
  )
  // Inverse document frequency over the candidate sentences: rare question words (the topic) weigh more
  // than words every passage shares ("policy", "employee").
  const df = new Map<string, number>()
  const sentenceTerms = sentences.map((s) => new Set(contentTerms(s.sentence)))
  for (const terms of sentenceTerms) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1)
  const idf = (t: string) => Math.log(1 + sentences.length / (1 + (df.get(t) ?? 0)))
  const totalWeight = queryTerms.reduce((sum, t) => sum + idf(t), 0)

  const scored: Scored[] = sentences.map((s, i) => {
    const terms = sentenceTerms[i] ?? new Set<string>()
    const context = new Set(contentTerms(s.title))
    let weight = 0
    for (const t of queryTerms) {
      if (terms.has(t)) weight += idf(t)
      else if (context.has(t)) weight += idf(t) * 0.5
    }
    // Very short fragments (a heading-like line) rarely answer anything on their own.
    const lengthFactor = terms.size < 4 ? 0.6 : 1
    return { n: s.n, sentence: s.sentence, order: s.order, score: (weight / totalWeight) * lengthFactor }
  })

  // Gate on the best passage: facts often sit in a table row or list item whose words the question shares
  // only together with the passage's headings, so coverage is judged per passage, quotes per sentence.
  const coverage = new Map<number, number>()
  for (const source of sources) {
    const terms = new Set([...contentTerms(source.text), ...contentTerms(source.title)])
    const weight = queryTerms.reduce((sum, t) => sum + (terms.has(t) ? idf(t) : 0), 0)
    coverage.set(source.n, weight / totalWeight)
  }
  const bestCoverage = Math.max(0, ...coverage.values())
  if (bestCoverage < options.passageCoverage) return ABSTENTION

  const ranked = scored
    .filter((s) => (coverage.get(s.n) ?? 0) >= options.passageCoverage)
    .sort((a, b) => b.score - a.score || a.n - b.n || a.order - b.order)
  const best = ranked[0]
  if (!best) return ABSTENTION

  const picked: Scored[] = []
  for (const candidate of ranked) {
    if (
      picked.length >= options.maxSentences ||
      candidate.score < Math.max(options.quoteThreshold, best.score * 0.6)
    )
      break
    if (picked.some((p) => p.sentence === candidate.sentence)) continue
    picked.push(candidate)
  }
  // Read in source order, so sentences from one passage keep their original sequence.
  picked.sort((a, b) => a.n - b.n || a.order - b.order)
  return picked.map((p) => `${ensurePeriod(p.sentence)} [${p.n}]`).join(' ')
}

const ensurePeriod = (sentence: string) => (/[.!?:]$/.test(sentence) ? sentence : `${sentence}.`)
