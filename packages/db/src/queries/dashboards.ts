import { and, desc, gte, lt, sql } from 'drizzle-orm'
import { outerId, type ReviewViewer, traceVisibleTo } from '../access'
import type { DbOrTx } from '../client'
import { answerTraces, CURATED_MODEL, feedback } from '../schema'
import { validationFailedSql } from './answer-log'

export type DashboardBucket = {
  questions: number
  answered: number
  abstained: number
  up: number
  down: number
  /** Generated (not abstained) answers that failed validation. */
  validationFailed: number
  /** Curated answers served (no generation, no retrieval). */
  curated: number
  ttftP50: number | null
  ttftP95: number | null
  totalP50: number | null
  totalP95: number | null
  tokensIn: number
  tokensOut: number
  costUsd: number
}

export type DashboardStats = { totals: DashboardBucket; days: (DashboardBucket & { day: string })[] }

type RawBucket = { [K in keyof DashboardBucket]: DashboardBucket[K] | string | null } & { day: string | null }

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

function toBucket(r: RawBucket): DashboardBucket {
  return {
    questions: num(r.questions),
    answered: num(r.answered),
    abstained: num(r.abstained),
    up: num(r.up),
    down: num(r.down),
    validationFailed: num(r.validationFailed),
    curated: num(r.curated),
    ttftP50: numOrNull(r.ttftP50),
    ttftP95: numOrNull(r.ttftP95),
    totalP50: numOrNull(r.totalP50),
    totalP95: numOrNull(r.totalP95),
    tokensIn: num(r.tokensIn),
    tokensOut: num(r.tokensOut),
    costUsd: num(r.costUsd),
  }
}

/**
 * Per-day (UTC) series and totals over [from, to) in ONE scan (grouping sets): the per-day rows and the
 * whole-range row, whose percentiles are computed over the range, not averaged from days.
 */
export async function dashboardStats(
  db: DbOrTx,
  viewer: ReviewViewer,
  range: { from: Date; to: Date },
): Promise<DashboardStats> {
  const day = sql`to_char(${answerTraces.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`
  const p = (fraction: number, column: typeof answerTraces.ttftMs | typeof answerTraces.totalMs) =>
    sql`percentile_cont(${sql.raw(String(fraction))}) within group (order by ${column})`
  // Ordered-set aggregates (percentiles) sort per group: give this one statement room to sort in memory.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`)
    return tx.execute(sql`
    select
      ${day} as "day",
      count(*) as "questions",
      count(*) filter (where not ${answerTraces.abstained}) as "answered",
      count(*) filter (where ${answerTraces.abstained}) as "abstained",
      count(*) filter (where ${feedback.rating} = 'up') as "up",
      count(*) filter (where ${feedback.rating} = 'down') as "down",
      count(*) filter (where ${validationFailedSql}) as "validationFailed",
      count(*) filter (where ${answerTraces.model} = ${CURATED_MODEL}) as "curated",
      ${p(0.5, answerTraces.ttftMs)} as "ttftP50",
      ${p(0.95, answerTraces.ttftMs)} as "ttftP95",
      ${p(0.5, answerTraces.totalMs)} as "totalP50",
      ${p(0.95, answerTraces.totalMs)} as "totalP95",
      coalesce(sum(${answerTraces.tokensIn}), 0) as "tokensIn",
      coalesce(sum(${answerTraces.tokensOut}), 0) as "tokensOut",
      coalesce(sum(${answerTraces.costUsd}), 0) as "costUsd"
    from ${answerTraces}
    left join ${feedback} on ${feedback.traceId} = ${answerTraces.id}
    where ${and(gte(answerTraces.createdAt, range.from), lt(answerTraces.createdAt, range.to), traceVisibleTo(viewer))}
    group by grouping sets ((${day}), ())
    order by 1 nulls first`)
  })
  const rows = result.rows as RawBucket[]
  const totalsRow = rows.find((r) => r.day === null)
  const empty = toBucket({ day: null } as RawBucket)
  return {
    totals: totalsRow ? toBucket(totalsRow) : empty,
    days: rows.filter((r) => r.day !== null).map((r) => ({ day: String(r.day), ...toBucket(r) })),
  }
}

export type GapQuestion = {
  traceId: string
  question: string
  abstained: boolean
  down: boolean
  createdAt: Date
}

/**
 * The latest questions that went unanswered (abstained) or were rated down, newest first: the input of
 * the coverage-gap clustering (done in TypeScript, on at most `limit` questions). Two index-driven
 * queries (the partial index on abstentions; feedback by rating) merged here, instead of one OR that
 * would scan the whole range.
 */
export async function coverageGapQuestions(
  db: DbOrTx,
  viewer: ReviewViewer,
  range: { from: Date; to: Date; limit?: number },
): Promise<GapQuestion[]> {
  const limit = range.limit ?? 2000
  const inRange = [
    gte(answerTraces.createdAt, range.from),
    lt(answerTraces.createdAt, range.to),
    traceVisibleTo(viewer),
  ]
  const ratedDown = sql<boolean>`exists (select 1 from feedback f where f.trace_id = ${outerId} and f.rating = 'down')`
  const columns = {
    traceId: answerTraces.id,
    question: answerTraces.question,
    abstained: answerTraces.abstained,
    down: ratedDown,
    createdAt: answerTraces.createdAt,
  }
  const abstained = await db
    .select(columns)
    .from(answerTraces)
    .where(and(sql`${answerTraces.abstained}`, ...inRange))
    .orderBy(desc(answerTraces.createdAt))
    .limit(limit)
  const down = await db
    .select(columns)
    .from(answerTraces)
    .where(and(sql`not ${answerTraces.abstained}`, ratedDown, ...inRange))
    .orderBy(desc(answerTraces.createdAt))
    .limit(limit)
  return [...abstained, ...down].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit)
}
