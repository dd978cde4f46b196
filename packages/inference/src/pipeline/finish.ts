import type { schema } from '@policydesk/db'
import { writeCachedAnswer } from './answer-cache'
import { writeTrace } from './trace'
import type { AnswerInput, AnswerResult, InferenceDeps } from './types'

/** Stage timings of one answer, in milliseconds with one decimal. */
export class StageClock {
  readonly started = performance.now()
  readonly latency: Record<string, number> = {}
  private mark = this.started

  /** Records the time since the previous lap (or the start) under `stage`. */
  lap(stage: string): void {
    const now = performance.now()
    this.latency[stage] = Math.round((now - this.mark) * 10) / 10
    this.mark = now
  }

  record(stage: string, ms: number): void {
    this.latency[stage] = Math.round(ms * 10) / 10
  }

  total(): number {
    return Math.round(performance.now() - this.started)
  }
}

export type FinishOptions = {
  clock: StageClock
  /** The answer's evidence score (answerability, 0–1); null for curated and cached answers. */
  topScore: number | null
  retrieval: schema.TraceRetrieval | null
  /** Set for generated answers and pre-generation abstentions: where the result is cached. */
  cache?: { key: string; revision: number }
}

/**
 * The one exit of the answer pipeline, whatever produced the answer (curated, cached, generated or
 * abstained before generation): stamps the total latency, writes the trace and the cache entry once.
 */
export async function finish(
  deps: InferenceDeps,
  input: AnswerInput,
  result: Omit<AnswerResult, 'traceId' | 'latencyMs'>,
  options: FinishOptions,
): Promise<AnswerResult> {
  const done: AnswerResult = { ...result, traceId: null, latencyMs: { ...options.clock.latency } }
  done.latencyMs.total = options.clock.total()
  if (!input.skipTrace) {
    const started = performance.now()
    done.traceId = await writeTrace(deps.db, input, done, {
      topScore: options.topScore,
      retrieval: options.retrieval,
    })
    done.latencyMs.log = Math.round(performance.now() - started)
  }
  if (options.cache && deps.settings.cache && !input.signal?.aborted)
    await writeCachedAnswer(deps.db, options.cache.key, options.cache.revision, done)
  return done
}
