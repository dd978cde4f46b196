import { recordPastSpans, setSpanAttributes } from './spans'

/** The answer pipeline's stages in the order they run; `latencyMs` has those that ran. */
const STAGES = ['rewrite', 'curated', 'cache', 'embed', 'retrieve', 'generate', 'validate', 'log'] as const

/**
 * One question's stages as child spans of the request's trace, laid out from the pipeline's measured
 * latencies (the pipeline reports them; it is not threaded with a tracer), plus outcome attributes on
 * the active span.
 */
export function recordAnswerSpans(
  startedAt: number,
  result: {
    latencyMs: Record<string, number>
    model: string
    usage: { tokensIn: number; tokensOut: number }
  },
  outcome: string,
): void {
  recordPastSpans(
    startedAt,
    STAGES.filter((stage) => typeof result.latencyMs[stage] === 'number').map((stage) => ({
      name: `answer.${stage}`,
      ms: result.latencyMs[stage] ?? 0,
      attributes:
        stage === 'generate'
          ? {
              'gen_ai.request.model': result.model,
              'gen_ai.usage.input_tokens': result.usage.tokensIn,
              'gen_ai.usage.output_tokens': result.usage.tokensOut,
              ...(typeof result.latencyMs.ttft === 'number'
                ? { 'policydesk.ttft_ms': result.latencyMs.ttft }
                : {}),
            }
          : {},
    })),
  )
  setSpanAttributes({
    'policydesk.answer.outcome': outcome,
    'policydesk.answer.total_ms': result.latencyMs.total ?? 0,
  })
}
