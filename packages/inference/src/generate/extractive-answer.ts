import { contentTerms } from '@policydesk/ingest'
import { ABSTENTION } from '../prompt/answer-prompt'
import { splitSentences } from '../validate/sentences'
import { tableRowsToStatements } from '../validate/table-rows'

export type ExtractiveSource = { n: number; title: string; text: string }

/**
 * Tuned on samples/questions.jsonl (docs/quality.md): a sentence is quoted when it covers at least this
 * share of the question's weighted terms; the answer abstains when no sentence reaches ABSTAIN_BELOW.
 */
export const QUOTE_THRESHOLD = 0.34
export const ABSTAIN_BELOW = 0.45
const MAX_SENTENCES = 3

type Scored = { n: number; sentence: string; score: number; order: number }

/**
 * The built-in answerer: quotes the sentences of the retrieved passages that best cover the question, each
 * with its citation, and abstains when nothing covers it well. Deterministic and offline; it never states
 * anything the sources do not say, so it is the floor every configured model must beat.
 */
export function composeExtractiveAnswer(question: string, sources: ExtractiveSource[]): string {
  const queryTerms = [...new Set(contentTerms(question))]
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

  const ranked = [...scored].sort((a, b) => b.score - a.score || a.n - b.n || a.order - b.order)
  const best = ranked[0]
  if (!best || best.score < ABSTAIN_BELOW) return ABSTENTION

  const picked: Scored[] = []
  for (const candidate of ranked) {
    if (picked.length >= MAX_SENTENCES || candidate.score < Math.max(QUOTE_THRESHOLD, best.score * 0.6)) break
    if (picked.some((p) => p.sentence === candidate.sentence)) continue
    picked.push(candidate)
  }
  // Read in source order, so sentences from one passage keep their original sequence.
  picked.sort((a, b) => a.n - b.n || a.order - b.order)
  return picked.map((p) => `${ensurePeriod(p.sentence)} [${p.n}]`).join(' ')
}

const ensurePeriod = (sentence: string) => (/[.!?:]$/.test(sentence) ? sentence : `${sentence}.`)
