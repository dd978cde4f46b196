import { getCorpusRevision, schema } from '@policydesk/db'
import { assessAnswerability } from '../answerability/answerability'
import {
  ABSTENTION,
  buildAnswerPrompt,
  numberSources,
  PROMPT_VERSION,
  type SourceOmission,
} from '../prompt/answer-prompt'
import { crossEncoderLabel } from '../retrieve/cross-encoder-rerank'
import type { ContextPassage } from '../retrieve/select-context'
import { ToolSession } from '../tools/session'
import { validateAnswer } from '../validate/validate-answer'
import { answerCacheKey, readCachedAnswer } from './answer-cache'
import { calculateForQuestion, detectDateQuestion } from './builtin-dates'
import { buildCitations } from './citations'
import { findCuratedAnswer } from './curated'
import { finish, StageClock } from './finish'
import { type GenerationStats, generateAnswer } from './generate'
import { leadFor, prefixForProfile, retrievalProfile } from './profile'
import { type RetrievalOutcome, retrieveContext } from './retrieve'
import { rewriteFollowUp } from './rewrite'
import type { AnswerEvent, AnswerInput, AnswerResult, InferenceDeps } from './types'

const isAbstention = (text: string) => text.trim().replace(/\s+/g, ' ') === ABSTENTION
const words = (text: string) => text.match(/\S+\s*/g) ?? []

/** What changes the answer besides the question, the reader and the corpus: part of the cache key. */
function pipelineLabel(deps: InferenceDeps): string {
  const model = deps.chat.models[0]?.name ?? 'none'
  const ranker = deps.ranker?.label ?? 'off'
  const crossEncoder = deps.crossEncoder ? crossEncoderLabel(deps.crossEncoder) : 'off'
  const { weights, bm25, contextTokens, maxSources, abstainBelow } = deps.settings
  return JSON.stringify([model, ranker, crossEncoder, weights, bm25, contextTokens, maxSources, abstainBelow])
}

/**
 * The answer pipeline, one stage after another: rewrite → curated answer or cache → retrieve (BM25 + vector
 * under the ACL, fusion, re-rankers) → select context → answerability → generate (streamed) → validate →
 * finish (trace and cache, once, for every exit). Yields tokens as they are generated, one `retrieval`
 * event for callers that score retrieval, and one `final` event with everything the UI and analysts need.
 */
export async function* streamAnswer(deps: InferenceDeps, input: AnswerInput): AsyncGenerator<AnswerEvent> {
  const clock = new StageClock()
  const rewritten = rewriteFollowUp(input.question, input.history ?? [])
  clock.lap('rewrite')

  // The built-in answerer cannot call tools: it computes the date questions it recognises itself.
  const dateQuestion = deps.chat.builtin ? detectDateQuestion(rewritten) : null
  let cache: { key: string; revision: number } | undefined
  if (!input.skipShortcuts) {
    const curated = await findCuratedAnswer(deps.db, rewritten, input.user)
    clock.lap('curated')
    if (curated) {
      for (const token of words(curated.answer)) yield { type: 'token', text: token }
      const validation = validateAnswer(
        curated.answer,
        curated.citations.map((c) => ({ n: c.n, text: c.passage })),
      )
      const result = await finish(
        deps,
        input,
        {
          ...baseResult(deps, input, rewritten),
          text: curated.answer,
          citations: curated.citations,
          curatedAnswerId: curated.id,
          validation,
          model: schema.CURATED_MODEL,
        },
        { clock, topScore: null, retrieval: null },
      )
      yield { type: 'final', result }
      return
    }
    // A calculation depends on the asker's profile, which the cache key does not hold.
    if (deps.settings.cache && !dateQuestion) {
      const revision = await getCorpusRevision(deps.db)
      const key = answerCacheKey({
        query: rewritten,
        groupIds: input.user.groupIds,
        revision,
        promptVersion: PROMPT_VERSION,
        model: pipelineLabel(deps),
        filters: input.filters,
        profile: retrievalProfile(input.user.attributes),
      })
      const cached = await readCachedAnswer(deps.db, key)
      clock.lap('cache')
      if (cached) {
        for (const token of words(cached.text)) yield { type: 'token', text: token }
        const { traceId: _traceId, latencyMs: _latency, ...rest } = cached
        const result = await finish(
          deps,
          input,
          { ...rest, question: input.question, cached: true },
          { clock, topScore: null, retrieval: null },
        )
        yield { type: 'final', result }
        return
      }
      cache = { key, revision }
    }
  }

  const retrieval = await retrieveContext(deps, rewritten, input.user, input.filters, input.signal)
  const { context } = retrieval
  clock.record('embed', retrieval.embedMs)
  clock.record('retrieve', retrieval.searchMs)
  if (deps.ranker || deps.crossEncoder) clock.record('rerank', retrieval.rerankMs)
  clock.lap('retrieval')
  const answerability = assessAnswerability(rewritten, context, retrieval.stats)
  const gated = answerability.score < deps.settings.abstainBelow
  clock.lap('select')
  yield {
    type: 'retrieval',
    candidates: retrieval.candidates,
    context,
    stats: retrieval.stats,
    answerability,
  }

  // Below the answerability threshold no model is asked: the documents do not cover the question.
  const sources = numberSources(context)
  // Sentences addressed to an AI are replaced in the prompt; the trace records which, on their candidate.
  const prompt = buildAnswerPrompt(rewritten, sources)
  let generation: GenerationStats | null = null
  // Tools for models that can call them (LLM_TOOLS); their passages are numbered after the prompt's sources.
  const tools =
    !gated && deps.chat.tools && !deps.chat.builtin
      ? new ToolSession(deps, input.user, sources, input.signal)
      : null
  // The built-in answerer quotes its best source first: when that passage is restricted, whose rule it is
  // can be streamed before the answer (the final text says the same; a model says it itself, prompted).
  const lead = !gated && deps.chat.builtin ? leadFor(sources[0]?.candidate.appliesTo) : null
  if (lead) yield { type: 'token', text: lead }
  if (gated) {
    for (const token of words(ABSTENTION)) yield { type: 'token', text: token }
  } else {
    const termWeights = Object.fromEntries(answerability.signals.terms.map((t) => [t.term, t.idf]))
    const stream = generateAnswer(deps, prompt, input.signal, { termWeights }, tools)
    let step = await stream.next()
    while (!step.done) {
      yield { type: 'token', text: step.value }
      step = await stream.next()
    }
    generation = step.value
  }
  clock.lap('generate')

  const text = generation?.text ?? ABSTENTION
  const allSources = tools ? [...sources, ...tools.sources] : sources
  const toolCalls = [...(tools?.calls ?? [])]
  const validation = validateAnswer(
    text,
    allSources.map((s) => ({ n: s.n, text: s.candidate.text })),
  )
  // An answer built on a tool's result (a date, the asker's profile) may have no sentence a source supports.
  const toolAnswered = toolCalls.some((c) => c.status === 'ok' && c.name !== 'search_policies')
  const abstained = gated || isAbstention(text) || (validation.supportedSentenceRate === 0 && !toolAnswered)
  const citations = abstained ? [] : buildCitations(allSources, validation)
  // Whose rule the answer quotes, said first and deterministically (the model may already have said it).
  const scoped = prefixForProfile(abstained ? ABSTENTION : text, citations)
  clock.lap('validate')
  // After validation: the calculation is ours, labelled as such, and not a claim the sources must support.
  const calculation = dateQuestion
    ? calculateForQuestion(
        dateQuestion,
        input.user.attributes,
        citations.map((c) => c.passage),
      )
    : null
  if (calculation) {
    yield { type: 'token', text: '\n\n' }
    for (const token of words(calculation.sentence)) yield { type: 'token', text: token }
    toolCalls.push(calculation.call)
  }

  const result = await finish(
    deps,
    input,
    {
      ...baseResult(deps, input, rewritten),
      text: calculation ? `${scoped.text}\n\n${calculation.sentence}` : scoped.text,
      citations,
      appliesTo: scoped.appliesTo,
      abstained,
      validation,
      answerability: {
        score: answerability.score,
        threshold: deps.settings.abstainBelow,
        gated,
        ...answerability.signals,
      },
      model: generation?.model ?? deps.chat.models[0]?.name ?? 'none',
      usage: generation
        ? { tokensIn: generation.tokensIn, tokensOut: generation.tokensOut, costUsd: generation.costUsd }
        : { tokensIn: 0, tokensOut: 0, costUsd: 0 },
      candidates: traceCandidates(
        retrieval,
        context,
        citations,
        tools ? [...prompt.omissions, ...tools.omissions] : prompt.omissions,
        tools?.sources.map((s) => s.candidate) ?? [],
      ),
      toolCalls,
      ...(tools?.handoffProposal ? { handoffProposal: tools.handoffProposal } : {}),
    },
    {
      clock,
      // The evidence score (answerability), not a fused rank score: comparable across questions and
      // corpora, so "low score" in the review area means weak evidence.
      topScore: answerability.score,
      retrieval: {
        bm25: deps.settings.bm25,
        weights: deps.settings.weights,
        ranker: deps.ranker?.label ?? 'off',
        crossEncoder: retrieval.crossEncoder && {
          applied: retrieval.crossEncoder.applied,
          model: retrieval.crossEncoder.model,
          ms: retrieval.crossEncoder.ms,
          ...(retrieval.crossEncoder.reason ? { reason: retrieval.crossEncoder.reason } : {}),
        },
        contextTokens: context.reduce((sum, c) => sum + c.tokenCount, 0),
        neighbours: context.filter((c) => c.neighbourOf).length,
      },
      // Tool results depend on the asker (their profile), not only on their groups: never cached.
      cache: toolCalls.length > 0 ? undefined : cache,
    },
  )
  if (generation?.ttftMs != null) result.latencyMs.ttft = Math.round(generation.ttftMs)
  yield { type: 'final', result }
}

/** The fields every exit starts from. */
function baseResult(deps: InferenceDeps, input: AnswerInput, rewritten: string) {
  return {
    question: input.question,
    rewrittenQuery: rewritten,
    abstained: false,
    cached: false,
    curatedAnswerId: null,
    answerability: null,
    embeddingModel: deps.embedder.model,
    promptVersion: PROMPT_VERSION,
    usage: { tokensIn: 0, tokensOut: 0, costUsd: 0 },
    candidates: [],
    toolCalls: [],
  } satisfies Partial<AnswerResult>
}

/** Every retrieved candidate plus the neighbours the context added, flagged used/cited. */
function traceCandidates(
  retrieval: RetrievalOutcome,
  context: ContextPassage[],
  citations: { chunkId: string }[],
  omissions: SourceOmission[],
  toolPassages: ContextPassage[] = [],
): schema.TraceCandidate[] {
  const omitted = new Map(omissions.map((o) => [o.chunkId, o.sentences]))
  const cited = new Set(citations.map((c) => c.chunkId))
  // Passages a tool showed the model count as used: the trace is then visible only to analysts who may
  // read them (traceVisibleTo).
  const used = new Set([...context, ...toolPassages].map((c) => c.chunkId))
  const neighbours = context.filter((c) => c.neighbourOf)
  const seen = new Set([...retrieval.candidates, ...neighbours].map((c) => c.chunkId))
  const extra = toolPassages.filter((c) => !seen.has(c.chunkId))
  const passages: ContextPassage[] = [...retrieval.candidates, ...neighbours, ...extra]
  return passages.map((c) => ({
    chunkId: c.chunkId,
    documentId: c.documentId,
    versionId: c.versionId,
    title: c.title,
    vectorScore: c.vectorScore,
    vectorRank: c.vectorRank,
    textScore: c.textScore,
    textRank: c.textRank,
    fusedScore: c.fusedScore,
    rank: c.rank,
    used: used.has(c.chunkId),
    cited: cited.has(c.chunkId),
    ...(c.rerankScore != null ? { rerankScore: c.rerankScore } : {}),
    ...(c.neighbourOf ? { neighbourOf: c.neighbourOf } : {}),
    ...(omitted.has(c.chunkId) ? { omitted: omitted.get(c.chunkId) } : {}),
    ...(c.appliesTo ? { appliesTo: c.appliesTo } : {}),
  }))
}

/** Runs the pipeline to the end and returns the final result (CLI, eval). */
export async function answer(deps: InferenceDeps, input: AnswerInput): Promise<AnswerResult> {
  for await (const event of streamAnswer(deps, input)) if (event.type === 'final') return event.result
  throw new Error('The answer pipeline ended without a result')
}
