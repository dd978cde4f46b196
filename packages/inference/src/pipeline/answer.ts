import { getCorpusRevision, schema } from '@policydesk/db'
import { readRankerSetting } from '../env'
import { ABSTENTION, buildAnswerPrompt, numberSources, PROMPT_VERSION } from '../prompt/answer-prompt'
import { validateAnswer } from '../validate/validate-answer'
import { answerCacheKey, readCachedAnswer, writeCachedAnswer } from './answer-cache'
import { buildCitations } from './citations'
import { findCuratedAnswer } from './curated'
import { generateAnswer } from './generate'
import { retrieve } from './retrieve'
import { rewriteFollowUp } from './rewrite'
import { writeTrace } from './trace'
import type { AnswerEvent, AnswerInput, AnswerResult, InferenceDeps } from './types'

const isAbstention = (text: string) => text.trim().replace(/\s+/g, ' ') === ABSTENTION

/**
 * The answer pipeline: rewrite → retrieve (hybrid, ACL in SQL) → prompt → stream → validate → trace.
 * Yields tokens as they are generated, then one `final` event with everything the UI and analysts need.
 */
export async function* streamAnswer(deps: InferenceDeps, input: AnswerInput): AsyncGenerator<AnswerEvent> {
  const started = performance.now()
  const latency: Record<string, number> = {}
  const lap = (stage: string, since: number) => {
    latency[stage] = Math.round((performance.now() - since) * 10) / 10
    return performance.now()
  }

  let t = performance.now()
  const rewritten = rewriteFollowUp(input.question, input.history ?? [])
  t = lap('rewrite', t)

  const curated = await findCuratedAnswer(deps.db, rewritten, input.user.groupIds)
  if (curated) {
    lap('curated', t)
    for (const token of curated.answer.match(/\S+\s*/g) ?? []) yield { type: 'token', text: token }
    const validation = validateAnswer(
      curated.answer,
      curated.citations.map((c) => ({ n: c.n, text: c.passage })),
    )
    const result: AnswerResult = {
      traceId: null,
      question: input.question,
      rewrittenQuery: rewritten,
      text: curated.answer,
      citations: curated.citations,
      abstained: false,
      cached: false,
      curatedAnswerId: curated.id,
      validation,
      model: schema.CURATED_MODEL,
      embeddingModel: deps.embedder.model,
      promptVersion: PROMPT_VERSION,
      usage: { tokensIn: 0, tokensOut: 0, costUsd: 0 },
      latencyMs: { ...latency, total: Math.round(performance.now() - started) },
      candidates: [],
    }
    result.traceId = input.skipTrace ? null : await writeTrace(deps.db, input, result, null)
    yield { type: 'final', result }
    return
  }

  const primaryModel = deps.chat.models[0]?.name ?? 'none'
  const revision = deps.settings.cache ? await getCorpusRevision(deps.db) : 0
  const cacheKey = answerCacheKey({
    query: rewritten,
    groupIds: input.user.groupIds,
    revision,
    promptVersion: PROMPT_VERSION,
    // The learned ranker changes which passages ground the answer: answers under another ranker differ.
    model: `${primaryModel}|ranker:${readRankerSetting()}`,
    filters: input.filters,
  })
  if (deps.settings.cache) {
    const cached = await readCachedAnswer(deps.db, cacheKey)
    if (cached) {
      lap('cache', t)
      for (const token of cached.text.match(/\S+\s*/g) ?? []) yield { type: 'token', text: token }
      const result: AnswerResult = {
        ...cached,
        question: input.question,
        cached: true,
        traceId: null,
        latencyMs: { ...latency, total: Math.round(performance.now() - started) },
      }
      result.traceId = input.skipTrace ? null : await writeTrace(deps.db, input, result, null)
      yield { type: 'final', result }
      return
    }
  }

  const retrieval = await retrieve(deps, rewritten, input.user.groupIds, input.filters)
  latency.embed = Math.round(retrieval.embedMs * 10) / 10
  latency.retrieve = Math.round(retrieval.searchMs * 10) / 10
  t = performance.now()

  const sources = numberSources(retrieval.context)
  const prompt = buildAnswerPrompt(rewritten, sources)
  const generation = generateAnswer(deps, prompt, input.signal)
  let step = await generation.next()
  while (!step.done) {
    yield { type: 'token', text: step.value }
    step = await generation.next()
  }
  const stats = step.value
  t = lap('generate', t)

  const validation = validateAnswer(
    stats.text,
    sources.map((s) => ({ n: s.n, text: s.candidate.text })),
  )
  const abstained = isAbstention(stats.text) || validation.supportedSentenceRate === 0
  const citations = abstained ? [] : buildCitations(sources, validation)
  const cited = new Set(citations.map((c) => c.chunkId))
  const used = new Set(retrieval.context.map((c) => c.chunkId))
  lap('validate', t)

  const result: AnswerResult = {
    traceId: null,
    question: input.question,
    rewrittenQuery: rewritten,
    text: abstained ? ABSTENTION : stats.text,
    citations,
    abstained,
    cached: false,
    curatedAnswerId: null,
    validation,
    model: stats.model,
    embeddingModel: deps.embedder.model,
    promptVersion: PROMPT_VERSION,
    usage: { tokensIn: stats.tokensIn, tokensOut: stats.tokensOut, costUsd: stats.costUsd },
    latencyMs: { ...latency, ...(stats.ttftMs !== null ? { ttft: Math.round(stats.ttftMs) } : {}), total: 0 },
    candidates: retrieval.candidates.map((c) => ({
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
    })),
  }
  result.latencyMs.total = Math.round(performance.now() - started)
  if (!input.skipTrace) {
    const traceStart = performance.now()
    result.traceId = await writeTrace(deps.db, input, result, retrieval.candidates[0]?.fusedScore ?? null)
    result.latencyMs.log = Math.round(performance.now() - traceStart)
  }
  if (deps.settings.cache && !input.signal?.aborted)
    await writeCachedAnswer(deps.db, cacheKey, revision, result)
  yield { type: 'final', result }
}

/** Runs the pipeline to the end and returns the final result (CLI, eval). */
export async function answer(deps: InferenceDeps, input: AnswerInput): Promise<AnswerResult> {
  for await (const event of streamAnswer(deps, input)) if (event.type === 'final') return event.result
  throw new Error('The answer pipeline ended without a result')
}
