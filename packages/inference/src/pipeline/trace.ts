import { type Database, insertAnswerTrace, type schema } from '@policydesk/db'
import { retrievalProfile } from './profile'
import type { AnswerCitation, AnswerInput, AnswerResult } from './types'

/** A citation as traces and curated answers store it: what it points at, without display fields. */
export function storedCitation({
  n,
  documentId,
  title,
  versionId,
  chunkId,
  quote,
  page,
}: AnswerCitation): schema.TraceCitation {
  return { n, documentId, title, versionId, chunkId, quote, page }
}

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
    citations: result.citations.map(storedCitation),
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
