import { answer } from '../pipeline/answer'
import { retrieve } from '../pipeline/retrieve'
import type { Asker, InferenceDeps } from '../pipeline/types'
import { stripCitations } from '../validate/sentences'
import { firstHitRank, hitWithinTokens, mean, percentile, round, tokenF1 } from './metrics'
import type { EvalQuestion } from './questions'

export const TOKEN_BUDGETS = [256, 512, 1024] as const

export type PerQuestion = {
  id: string
  answerable: boolean
  abstained: boolean
  hitRank: number | null
  answer: string
  citations: { n: number; documentId: string; chunkId: string }[]
  retrieved: { documentId: string; chunkId: string; text: string; tokens: number; score: number }[]
}

export type EvalReport = {
  questions: number
  k: number
  hitAtK: number
  hitAtTokens: Record<'256' | '512' | '1024', number>
  meanContextTokensAtK: number
  mrrAt10: number
  answerRate: number
  abstainRate: number
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

/**
 * Runs every question through retrieval and the full answer pipeline and scores them. Retrieval metrics
 * count only answerable questions; abstention is scored on the unanswerable ones.
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
  const hitsAtTokens = { '256': 0, '512': 0, '1024': 0 }
  let hits = 0
  let reciprocalRanks = 0
  let contextTokens = 0
  let answered = 0
  let abstainedUnanswerable = 0
  let citationMarkers = 0
  let invalidMarkers = 0
  const supportRates: number[] = []
  const f1s: number[] = []

  for (const [index, q] of questions.entries()) {
    options.onProgress?.(index, questions.length)
    const filters = options.scopeToDoc && q.doc_id ? { documentSlugs: [q.doc_id] } : undefined
    const started = performance.now()
    const retrieval = await retrieve(deps, q.question, asker.groupIds, filters)
    retrievalMs.push(performance.now() - started)
    const result = await answer(deps, { question: q.question, user: asker, filters, skipTrace: true })
    totalMs.push(result.latencyMs.total ?? 0)

    const passages = retrieval.candidates.map((c) => c.text)
    const hitRank = q.answerable ? firstHitRank(passages, q.evidence, 10) : null
    if (q.answerable) {
      if (hitRank !== null && hitRank <= options.k) hits++
      if (hitRank !== null) reciprocalRanks += 1 / hitRank
      for (const budget of TOKEN_BUDGETS)
        if (hitWithinTokens(passages, q.evidence, budget)) hitsAtTokens[budget]++
      contextTokens += retrieval.candidates.slice(0, options.k).reduce((sum, c) => sum + c.tokenCount, 0)
      if (!result.abstained) answered++
      const reference = q.answer ?? q.evidence.join(' ')
      f1s.push(result.abstained ? 0 : tokenF1(stripCitations(result.text), reference))
    } else if (result.abstained) abstainedUnanswerable++
    if (!result.abstained) {
      const markers = result.validation.sentences.flatMap((s) => s.citations)
      citationMarkers += markers.length
      invalidMarkers += markers.filter((n) => result.validation.invalidCitations.includes(n)).length
      supportRates.push(result.validation.supportedSentenceRate)
    }
    per.push({
      id: q.id,
      answerable: q.answerable,
      abstained: result.abstained,
      hitRank,
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
  }
  options.onProgress?.(questions.length, questions.length)

  const answerable = questions.filter((q) => q.answerable).length
  const unanswerable = questions.length - answerable
  const share = (n: number, of: number) => (of === 0 ? 0 : round(n / of))
  return {
    questions: questions.length,
    k: options.k,
    hitAtK: share(hits, answerable),
    hitAtTokens: {
      '256': share(hitsAtTokens['256'], answerable),
      '512': share(hitsAtTokens['512'], answerable),
      '1024': share(hitsAtTokens['1024'], answerable),
    },
    meanContextTokensAtK: round(answerable === 0 ? 0 : contextTokens / answerable, 1),
    mrrAt10: share(reciprocalRanks, answerable),
    answerRate: share(answered, answerable),
    abstainRate: share(abstainedUnanswerable, unanswerable),
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
