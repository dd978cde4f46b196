import type { TermStats } from '@policydesk/db'
import { termFrequencies } from '@policydesk/text'
import type { ContextPassage } from '../retrieve/select-context'
import { topicTerms } from './question-terms'
import { matchesQuestionType, type QuestionType, questionType } from './question-type'

/** How much a missing answer type (a "how many" question over a passage without a number) costs. */
export const TYPE_MISMATCH_FACTOR = 0.5

export type AnswerabilitySignals = {
  questionType: QuestionType
  /** The question's distinctive terms with their IDF over the reader's corpus; df 0 = not in it at all. */
  terms: { term: string; df: number; idf: number; supported: boolean }[]
  /** Share of the terms' IDF mass found in the best passage (its text, title and headings). */
  coverage: number
  /** Whether the best passage has the form the question type asks for (a number, a duration…). */
  typeMatch: boolean
  /** The passage the signals were read from. */
  chunkId: string | null
}

export type Answerability = { score: number; signals: AnswerabilitySignals }

/** Lucene's BM25 IDF, the one the retrieval SQL uses; a term absent from the corpus gets the maximum. */
export const idf = (units: number, df: number) => Math.log(1 + (units - df + 0.5) / (df + 0.5))

/**
 * Whether the context can answer the question, from evidence rather than a retrieval score: the question's
 * distinctive terms, weighted by how rare they are in the reader's documents, must be present in one passage
 * (a question about "bees on the office roof" is not answered by a passage about the office), and that
 * passage must have the shape the question asks for. Scores are comparable across corpora because both
 * signals are shares, not raw retrieval scores. Score = coverage × (type match ? 1 : 0.5), in [0, 1].
 */
export function assessAnswerability(
  question: string,
  context: ContextPassage[],
  stats: TermStats,
): Answerability {
  const type = questionType(question)
  const weighted = topicTerms(question).map((term) => {
    const df = stats.df[term] ?? 0
    return { term, df, idf: idf(stats.units, df) }
  })
  const total = weighted.reduce((sum, t) => sum + t.idf, 0)
  let best: { coverage: number; passage: ContextPassage | null; supported: Set<string> } = {
    coverage: 0,
    passage: null,
    supported: new Set(),
  }
  for (const passage of context) {
    // The terms retrieval indexed (they include a split table's header); recomputed for neighbours.
    const present = new Set(
      passage.terms ?? termFrequencies(passage.text, [passage.title, ...passage.headingPath]).terms,
    )
    const supported = new Set(weighted.filter((t) => present.has(t.term)).map((t) => t.term))
    const mass = weighted.reduce((sum, t) => sum + (supported.has(t.term) ? t.idf : 0), 0)
    const coverage = total > 0 ? mass / total : 0
    if (coverage > best.coverage) best = { coverage, passage, supported }
  }
  const typeMatch = best.passage ? matchesQuestionType(type, best.passage.text) : false
  const score = best.coverage * (typeMatch ? 1 : TYPE_MISMATCH_FACTOR)
  return {
    score: Math.round(score * 1000) / 1000,
    signals: {
      questionType: type,
      terms: weighted.map((t) => ({
        term: t.term,
        df: t.df,
        idf: Math.round(t.idf * 1000) / 1000,
        supported: best.supported.has(t.term),
      })),
      coverage: Math.round(best.coverage * 1000) / 1000,
      typeMatch,
      chunkId: best.passage?.chunkId ?? null,
    },
  }
}
