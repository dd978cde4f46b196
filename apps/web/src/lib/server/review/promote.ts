import 'server-only'
import { type Database, getAnswerDetail, type ReviewViewer, recordAudit } from '@policydesk/db'
import { promoteCuratedAnswer } from '@policydesk/inference'

export type PromoteOutcome = { ok: true; curatedId: string } | { ok: false; status: 404 | 409; error: string }

/**
 * Serves a reviewed answer to later questions that match it closely: the corrected answer (with the
 * analyst's citations) or, when approved, the answer as generated. The curated question is the trace's
 * standalone (rewritten) query, which is what the pipeline matches on. Audited in the same transaction.
 */
export async function promoteReviewedAnswer(
  db: Database,
  viewer: ReviewViewer,
  actorId: string,
  traceId: string,
): Promise<PromoteOutcome> {
  const detail = await getAnswerDetail(db, viewer, traceId)
  if (!detail) return { ok: false, status: 404, error: 'No such answer.' }
  const { review, trace } = detail
  if (!review || review.verdict === 'rejected')
    return { ok: false, status: 409, error: 'Approve or correct the answer before promoting it.' }
  const corrected = review.verdict === 'corrected'
  if (!corrected && trace.abstained)
    return {
      ok: false,
      status: 409,
      error: 'An abstention cannot be promoted: correct it with an answer first.',
    }
  const answer = corrected ? (review.correctedAnswer ?? '') : trace.answer
  const citations = corrected ? (review.correctedCitations ?? []) : trace.citations
  if (citations.length === 0)
    return { ok: false, status: 409, error: 'A curated answer needs at least one cited source.' }
  const curatedId = await db.transaction(async (tx) => {
    const id = await promoteCuratedAnswer(tx, {
      question: trace.rewrittenQuery,
      answer,
      citations,
      sourceTraceId: traceId,
      createdBy: actorId,
    })
    await recordAudit(tx, {
      actorId,
      action: 'curated.promoted',
      targetType: 'curated_answer',
      targetId: id,
      details: { traceId, verdict: review.verdict, question: trace.rewrittenQuery },
    })
    return id
  })
  return { ok: true, curatedId }
}
