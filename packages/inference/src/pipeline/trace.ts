import { type Database, insertAnswerTrace, type schema } from '@policydesk/db'
import { retrievalProfile } from './profile'
import type { AnswerInput, AnswerResult } from './types'

/** One answer_traces row per answer: what analysts review. Never contains secrets (no keys, no headers). */
export async function writeTrace(
  db: Database,
  input: AnswerInput,
  result: AnswerResult,
  extra: { topScore: number | null; retrieval: schema.TraceRetrieval | null },
): Promise<string> {
  return insertAnswerTrace(db, {
    userId: input.user.userId,
    conversationId: input.conversationId ?? null,
    question: input.question,
    rewrittenQuery: result.rewrittenQuery,
    answer: result.text,
    abstained: result.abstained,
    cached: result.cached,
    candidates: result.candidates,
    citations: result.citations.map(({ n, documentId, title, versionId, chunkId, quote, page }) => ({
      n,
      documentId,
      title,
      versionId,
      chunkId,
      quote,
      page,
    })),
    validation: result.validation,
    versionIds: [...new Set(result.candidates.filter((c) => c.used).map((c) => c.versionId))],
    groupIds: input.user.groupIds,
    promptVersion: result.promptVersion,
    model: result.model,
    embeddingModel: result.embeddingModel,
    tokensIn: result.usage.tokensIn,
    tokensOut: result.usage.tokensOut,
    costUsd: result.usage.costUsd,
    latencyMs: result.latencyMs,
    ttftMs: result.latencyMs.ttft ?? null,
    totalMs: result.latencyMs.total ?? 0,
    topScore: extra.topScore,
    answerability: result.answerability,
    retrieval: extra.retrieval,
    toolCalls: result.toolCalls,
    askerProfile: retrievalProfile(input.user.attributes),
  })
}
