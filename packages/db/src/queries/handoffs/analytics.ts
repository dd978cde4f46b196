import { sql } from 'drizzle-orm'
import { documentReadableBy, hiddenDocumentIds, traceVisibleTo, type Viewer } from '../../access'
import type { DbOrTx } from '../../client'

export type HandoffStats = {
  /** Handoffs created in the period, from answers the viewer may see. */
  handoffs: number
  /** Answers (traces) in the period the viewer may see. */
  answers: number
  /** handoffs / answers; null without answers. */
  rate: number | null
  /** Median time from handing off to the first person's reply; null when none was answered. */
  medianFirstReplyMs: number | null
}

/**
 * The review dashboard's handoff numbers over [from, to): rate (handoffs per answer) and median time to
 * the first human reply. Handoffs count when their answer is visible to the viewer (`traceVisibleTo`),
 * like every other dashboard number.
 */
export async function handoffStats(
  db: DbOrTx,
  viewer: Viewer,
  range: { from: Date; to: Date },
): Promise<HandoffStats> {
  const result = await db.execute<{ handoffs: string; answers: string; median: string | null }>(sql`
    select
      (select count(*) from handoffs h join answer_traces t on t.id = h.trace_id
        where h.created_at >= ${range.from} and h.created_at < ${range.to} and ${traceVisibleTo(viewer, 't')}) as handoffs,
      (select count(*) from answer_traces t
        where t.created_at >= ${range.from} and t.created_at < ${range.to} and ${traceVisibleTo(viewer, 't')}) as answers,
      (select percentile_cont(0.5) within group (order by extract(epoch from (h.first_reply_at - h.created_at)) * 1000)
        from handoffs h join answer_traces t on t.id = h.trace_id
        where h.first_reply_at is not null and h.created_at >= ${range.from} and h.created_at < ${range.to}
          and ${traceVisibleTo(viewer, 't')}) as median`)
  const row = result.rows[0]
  const handoffs = Number(row?.handoffs ?? 0)
  const answers = Number(row?.answers ?? 0)
  return {
    handoffs,
    answers,
    rate: answers > 0 ? handoffs / answers : null,
    medianFirstReplyMs: row?.median === null || row?.median === undefined ? null : Number(row.median),
  }
}

export type PersonAnswerGap = {
  handoffId: string
  question: string
  /** The first person's reply. */
  humanAnswer: string
  /** Title of the routed document — where the answer probably belongs; null when the viewer may not read it. */
  documentTitle: string | null
  documentId: string | null
  answeredAt: Date
}

/**
 * "Answered by a person, not in the documents": handoffs of abstentions that a person answered, newest
 * first — what to write into the policies. The answer must be visible to the viewer, the reply may cite
 * only documents they may read, and the routed document is named only when they may read it.
 */
export async function answeredByPersonNotInDocuments(
  db: DbOrTx,
  viewer: Viewer,
  range: { from: Date; to: Date; limit?: number },
): Promise<PersonAnswerGap[]> {
  const hidden = hiddenDocumentIds(viewer)
  const readable = documentReadableBy(viewer, sql.raw('h.document_id'))
  const result = await db.execute<{
    handoffId: string
    question: string
    humanAnswer: string
    documentTitle: string | null
    documentId: string | null
    answeredAt: string | Date
  }>(sql`
    select h.id as "handoffId", h.question, r.text as "humanAnswer",
      case when ${readable} then d.title end as "documentTitle",
      case when ${readable} then d.id end as "documentId",
      r.created_at as "answeredAt"
    from handoffs h
    join answer_traces t on t.id = h.trace_id
    join lateral (select * from handoff_replies r where r.handoff_id = h.id order by r.created_at limit 1) r on true
    left join documents d on d.id = h.document_id
    where t.abstained and h.created_at >= ${range.from} and h.created_at < ${range.to}
      and ${traceVisibleTo(viewer, 't')}
      and not (jsonb_path_query_array(r.citations, '$[*].documentId') ?| (${hidden})::text[])
    order by r.created_at desc
    limit ${range.limit ?? 20}`)
  return result.rows.map((row) => ({ ...row, answeredAt: new Date(row.answeredAt) }))
}
