import {
  type AnswerOutcome,
  answerStageDuration,
  answersTotal,
  answerTimeToFirstToken,
  ingestJobsTotal,
  ingestStageDuration,
  llmCostTotal,
  llmTokensTotal,
} from './definitions'

/** The parts of an answer result the metrics need (structural: no dependency on the inference package). */
export type AnsweredQuestion = {
  abstained: boolean
  cached: boolean
  curatedAnswerId: string | null
  model: string
  latencyMs: Record<string, number>
  usage: { tokensIn: number; tokensOut: number; costUsd: number }
}

const ANSWER_STAGES = ['embed', 'retrieve', 'generate', 'validate', 'total'] as const

export function answerOutcome(result: AnsweredQuestion): AnswerOutcome {
  if (result.curatedAnswerId) return 'curated'
  if (result.cached) return 'cached'
  return result.abstained ? 'abstained' : 'answered'
}

/** Counts one answer and observes its stage latencies, time to first token, tokens and cost. */
export function recordAnswer(result: AnsweredQuestion): void {
  const outcome = answerOutcome(result)
  answersTotal().inc({ outcome })
  const stages = answerStageDuration()
  for (const stage of ANSWER_STAGES) {
    const ms = result.latencyMs[stage]
    if (typeof ms === 'number') stages.observe({ stage }, ms / 1000)
  }
  if (typeof result.latencyMs.ttft === 'number')
    answerTimeToFirstToken().observe(result.latencyMs.ttft / 1000)
  // Cached and curated answers cost nothing: count tokens only where a model ran.
  if (outcome === 'answered' || outcome === 'abstained') {
    llmTokensTotal().inc({ model: result.model, direction: 'in' }, result.usage.tokensIn)
    llmTokensTotal().inc({ model: result.model, direction: 'out' }, result.usage.tokensOut)
    llmCostTotal().inc({ model: result.model }, result.usage.costUsd)
  }
}

export function recordAnswerError(): void {
  answersTotal().inc({ outcome: 'error' })
}

/** What one ingest job took per stage, in milliseconds (the ingest package's timings). */
export type IngestStageTimings = {
  parseMs: number
  chunkMs: number
  embedMs: number
  storeMs: number
  totalMs: number
}

export function recordIngestJob(outcome: 'ready' | 'failed' | 'error', timings?: IngestStageTimings): void {
  ingestJobsTotal().inc({ outcome })
  if (!timings) return
  const stages = ingestStageDuration()
  stages.observe({ stage: 'parsing' }, timings.parseMs / 1000)
  stages.observe({ stage: 'chunking' }, timings.chunkMs / 1000)
  stages.observe({ stage: 'embedding' }, timings.embedMs / 1000)
  stages.observe({ stage: 'storing' }, timings.storeMs / 1000)
  stages.observe({ stage: 'total' }, timings.totalMs / 1000)
}
