import { streamAnswer } from '../pipeline/answer'
import type { AnswerResult, Asker, InferenceDeps, RetrievalEvent } from '../pipeline/types'
import { selectContext } from '../retrieve/select-context'
import { stripCitations } from '../validate/sentences'
import { coversAny, firstHitRank, hitWithinTokens, mean, percentile, round, tokenF1 } from './metrics'
import type { EvalQuestion } from './questions'

export const TOKEN_BUDGETS = [256, 512, 1024] as const
type Budget = `${(typeof TOKEN_BUDGETS)[number]}`

/** Answer/abstain rates if the pipeline abstained below this answerability (the coverage/risk curve). */
export type SweepPoint = { threshold: number; answerRate: number; abstainRate: number }

export type PerQuestion = {
  id: string
  answerable: boolean
  abstained: boolean
  /** The answerability score and why (packages/inference/src/answerability). */
  answerability: number
  questionType: string
  /** The question's distinctive terms: IDF over the reader's documents, found in the best passage or not. */
  terms: { term: string; df: number; idf: number; supported: boolean }[]
  typeMatch: boolean
  /** The generator itself abstained (or its answer had no supported sentence), whatever the score. */
  generatorAbstained: boolean
  hitRank: number | null
  contextTokens: number
  answer: string
  citations: { n: number; documentId: string; chunkId: string }[]
  retrieved: { documentId: string; chunkId: string; text: string; tokens: number; score: number }[]
}

export type EvalReport = {
  questions: number
  answerable: number
  unanswerable: number
  k: number
  hitAtK: number
  /** Evidence inside the context the pipeline assembles for a budget of this many tokens. */
  hitAtTokens: Record<Budget, number>
  /** Evidence inside the ranked passages cut at the budget (the development set's reference definition). */
  hitAtTokensRanked: Record<Budget, number>
  /** Tokens of the context the answers were generated from (RETRIEVAL_CONTEXT_TOKENS budget). */
  meanContextTokens: number
  mrrAt10: number
  /** The answerability threshold the rates below are reported at (ANSWER_ABSTAIN_BELOW). */
  abstainBelow: number
  answerRate: number
  abstainRate: number
  sweep: SweepPoint[]
  citationValidity: number
  supportedSentenceRate: number
  answerF1: number
  latencyMs: { retrievalP50: number; retrievalP95: number; totalP50: number; totalP95: number }
  perQuestion: PerQuestion[]
}

export type EvalOptions = {
  k: number
  scopeToDoc: boolean
  onProgress?: (done: number, total: number) => void
}

type Run = { retrieval: RetrievalEvent; result: AnswerResult }

/** Runs the pipeline with the answerability gate open, so every threshold can be scored from one run. */
async function run(deps: InferenceDeps, asker: Asker, q: EvalQuestion, scopeToDoc: boolean): Promise<Run> {
  const filters = scopeToDoc && q.doc_id ? { documentSlugs: [q.doc_id] } : undefined
  const open = { ...deps, settings: { ...deps.settings, abstainBelow: 0 } }
  let retrieval: RetrievalEvent | undefined
  for await (const event of streamAnswer(open, {
    question: q.question,
    user: asker,
    filters,
    skipTrace: true,
    skipShortcuts: true,
  })) {
    if (event.type === 'retrieval') retrieval = event
    if (event.type === 'final' && retrieval) return { retrieval, result: event.result }
  }
  throw new Error(`The pipeline gave no result for question ${q.id}`)
}

const share = (n: number, of: number) => (of === 0 ? 0 : round(n / of))

/**
 * Runs every question through the full answer pipeline and scores retrieval (answerable questions only),
 * the context budgets, and answering vs abstaining at every answerability threshold. Evidence counts when
 * it lies inside what the generator is given, not merely somewhere in a ranked list.
 */
export async function runEval(
  deps: InferenceDeps,
  asker: Asker,
  questions: EvalQuestion[],
  options: EvalOptions,
): Promise<EvalReport> {
  const per: PerQuestion[] = []
  const retrievalMs: number[] = []
  const totalMs: number[] = []
  const hitsAtTokens: Record<Budget, number> = { '256': 0, '512': 0, '1024': 0 }
  const hitsRanked: Record<Budget, number> = { '256': 0, '512': 0, '1024': 0 }
  let hits = 0
  let reciprocalRanks = 0
  let citationMarkers = 0
  let invalidMarkers = 0
  const supportRates: number[] = []
  const f1s: number[] = []
  const threshold = deps.settings.abstainBelow

  for (const [index, q] of questions.entries()) {
    options.onProgress?.(index, questions.length)
    const { retrieval, result } = await run(deps, asker, q, options.scopeToDoc)
    retrievalMs.push((result.latencyMs.embed ?? 0) + (result.latencyMs.retrieve ?? 0))
    totalMs.push(result.latencyMs.total ?? 0)
    const passages = retrieval.candidates.map((c) => c.text)
    const hitRank = q.answerable ? firstHitRank(passages, q.evidence, 10) : null
    if (q.answerable) {
      if (hitRank !== null && hitRank <= options.k) hits++
      if (hitRank !== null) reciprocalRanks += 1 / hitRank
      for (const budget of TOKEN_BUDGETS) {
        const context = selectContext(retrieval.candidates, { maxTokens: budget, maxSources: 1_000 })
        if (coversAny(context.map((c) => c.text).join('\n'), q.evidence)) hitsAtTokens[budget]++
        if (hitWithinTokens(passages, q.evidence, budget)) hitsRanked[budget]++
      }
    }
    const signals = retrieval.answerability.signals
    const generatorAbstained = result.abstained
    per.push({
      id: q.id,
      answerable: q.answerable,
      abstained: generatorAbstained || retrieval.answerability.score < threshold,
      answerability: retrieval.answerability.score,
      questionType: signals.questionType,
      terms: signals.terms,
      typeMatch: signals.typeMatch,
      generatorAbstained,
      hitRank,
      contextTokens: retrieval.context.reduce((sum, c) => sum + c.tokenCount, 0),
      answer: result.text,
      citations: result.citations.map((c) => ({ n: c.n, documentId: c.documentSlug, chunkId: c.chunkId })),
      retrieved: retrieval.candidates.slice(0, options.k).map((c) => ({
        documentId: c.documentSlug,
        chunkId: c.chunkId,
        text: c.text,
        tokens: c.tokenCount,
        score: round(c.fusedScore, 5),
      })),
    })
    // Answer quality is scored on what would be shown at the configured threshold.
    const shown = per.at(-1)
    if (shown && !shown.abstained) {
      const markers = result.validation.sentences.flatMap((s) => s.citations)
      citationMarkers += markers.length
      invalidMarkers += markers.filter((n) => result.validation.invalidCitations.includes(n)).length
      supportRates.push(result.validation.supportedSentenceRate)
    }
    if (q.answerable)
      f1s.push(shown?.abstained ? 0 : tokenF1(stripCitations(result.text), q.answer ?? q.evidence.join(' ')))
  }
  options.onProgress?.(questions.length, questions.length)

  const answerable = per.filter((q) => q.answerable)
  const unanswerable = per.filter((q) => !q.answerable)
  const rates = (t: number) => ({
    answerRate: share(
      answerable.filter((q) => q.answerability >= t && !q.generatorAbstained).length,
      answerable.length,
    ),
    abstainRate: share(
      unanswerable.filter((q) => q.answerability < t || q.generatorAbstained).length,
      unanswerable.length,
    ),
  })
  return {
    questions: questions.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    k: options.k,
    hitAtK: share(hits, answerable.length),
    hitAtTokens: {
      '256': share(hitsAtTokens['256'], answerable.length),
      '512': share(hitsAtTokens['512'], answerable.length),
      '1024': share(hitsAtTokens['1024'], answerable.length),
    },
    hitAtTokensRanked: {
      '256': share(hitsRanked['256'], answerable.length),
      '512': share(hitsRanked['512'], answerable.length),
      '1024': share(hitsRanked['1024'], answerable.length),
    },
    meanContextTokens: round(mean(per.map((q) => q.contextTokens)), 1),
    mrrAt10: share(reciprocalRanks, answerable.length),
    abstainBelow: threshold,
    ...rates(threshold),
    sweep: Array.from({ length: 21 }, (_, i) => round(i * 0.05, 2)).map((t) => ({
      threshold: t,
      ...rates(t),
    })),
    citationValidity: citationMarkers === 0 ? 1 : round(1 - invalidMarkers / citationMarkers),
    supportedSentenceRate: round(mean(supportRates)),
    answerF1: round(mean(f1s)),
    latencyMs: {
      retrievalP50: round(percentile(retrievalMs, 50), 1),
      retrievalP95: round(percentile(retrievalMs, 95), 1),
      totalP50: round(percentile(totalMs, 50), 1),
      totalP95: round(percentile(totalMs, 95), 1),
    },
    perQuestion: per,
  }
}
