/**
 * Answers log at 100k: inserts synthetic traces into a throwaway embedded Postgres (PGlite in a temp data
 * dir, deleted afterwards) and times the review area's queries as the web app runs them.
 *
 *   npx tsx scripts/bench-answer-log.ts [--count 100000] [--runs 7] [--candidates 40] [--json]
 *                                       [--data-dir DIR]  (keep the database; reuse it when it has traces)
 *
 * Prints median and min per query (ms). Results are recorded in docs/benchmarks.md ("Answers log at 100k").
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  type AnswerLogFilters,
  countAnswerLog,
  coverageGapQuestions,
  createDb,
  dashboardStats,
  documentAccess,
  exportAnswerLog,
  groupIdByName,
  insertSyntheticTraces,
  listAnswerLog,
  listLoggedModels,
  nextInQueue,
  queueCounts,
  type ReviewViewer,
  runMigrations,
  seedSyntheticDocuments,
  sql,
} from '@policydesk/db'
import { startEmbeddedServer } from '@policydesk/db/embedded'
import { findFreePort } from '@policydesk/runtime'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
    candidates: { type: 'string', default: '40' },
    json: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'follow-ups': { type: 'boolean', default: false },
  },
})
const count = Number(args.count)
const runs = Number(args.runs)
const log = (line: string) => {
  if (!args.json) process.stdout.write(`${line}\n`)
}

const keep = args['data-dir']
const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'policydesk-bench-log-'))
const server = await startEmbeddedServer({ dataDir: dir, port: await findFreePort() })
const handle = createDb(server.url)
const { db } = handle
const results: { query: string; medianMs: number; minMs: number; rows: number }[] = []

try {
  const migrationStart = performance.now()
  await runMigrations(db)
  log(`migrations: ${Math.round(performance.now() - migrationStart)} ms`)
  const existing = await db.execute(sql`select count(*)::int as n from answer_traces`)
  const reuse = ((existing.rows[0] as { n: number } | undefined)?.n ?? 0) > 0
  const docs = reuse
    ? await existingDocuments()
    : await seedSyntheticDocuments(db, { count: 20, restrictedEvery: 10 })
  const started = performance.now()
  const summary = reuse
    ? { traces: (existing.rows[0] as { n: number }).n, reused: true }
    : await insertSyntheticTraces(db, {
        count,
        documents: docs,
        candidatesPerTrace: Number(args.candidates),
        followUps: args['follow-ups'],
        onProgress: (done) => {
          if (!args.json && done % 10_000 === 0) log(`  inserted ${done}`)
        },
      })
  const insertS = (performance.now() - started) / 1000
  await db.execute(sql`analyze`)
  const size = await db.execute(sql`select pg_size_pretty(pg_total_relation_size('answer_traces')) as size`)
  log(
    `inserted ${summary.traces} traces in ${insertS.toFixed(1)} s (${Math.round(summary.traces / insertS)}/s); ` +
      `answer_traces ${String((size.rows[0] as { size: string }).size)}; ${JSON.stringify(summary)}`,
  )

  const everyone = (await groupIdByName(db, 'everyone')) ?? ''
  const hr = (await groupIdByName(db, 'hr')) ?? ''
  const admin: ReviewViewer = { role: 'admin', groupIds: [everyone, hr] }
  const analyst: ReviewViewer = { role: 'analyst', groupIds: [everyone] }
  const cited = docs.find((d) => !d.restricted)?.documentId ?? ''
  const day = 86_400_000
  const now = Date.now()
  const last30: AnswerLogFilters = { from: new Date(now - 30 * day), to: new Date(now + day) }

  async function time(query: string, run: () => Promise<number>) {
    const samples: number[] = []
    let rows = 0
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      rows = await run()
      samples.push(performance.now() - t)
    }
    samples.sort((a, b) => a - b)
    const medianMs = Math.round((samples[Math.floor(samples.length / 2)] ?? 0) * 10) / 10
    const minMs = Math.round((samples[0] ?? 0) * 10) / 10
    results.push({ query, medianMs, minMs, rows })
    log(`${query.padEnd(72)} ${String(medianMs).padStart(8)} ms (min ${minMs}) rows=${rows}`)
  }
  const page = async (viewer: ReviewViewer, filters: AnswerLogFilters) =>
    (await listAnswerLog(db, viewer, filters, { limit: 50 })).rows.length

  await time('log, first page, unfiltered (admin)', () => page(admin, {}))
  await time('log, first page, unfiltered (analyst: permission rule)', () => page(analyst, {}))
  const first = await listAnswerLog(db, analyst, {}, { limit: 50 })
  await time('log, page 2 by cursor (analyst)', async () => {
    const p = await listAnswerLog(db, analyst, {}, { limit: 50, cursor: first.older ?? undefined })
    return p.rows.length
  })
  await time('log, thumbs-down + last 30 days + model (analyst)', () =>
    page(analyst, { ...last30, feedback: 'down', model: 'extractive-v1' }),
  )
  await time('log, validation failed + unreviewed + group hr (admin)', () =>
    page(admin, { validationFailed: true, review: 'unreviewed', groupId: hr }),
  )
  await time('log, abstained + low score + no feedback (analyst)', () =>
    page(analyst, { abstained: true, topScoreBelow: 0.024, feedback: 'none' }),
  )
  await time('log, document cited (analyst)', () => page(analyst, { documentId: cited }))
  await time('log, search "parental leave" (analyst)', () => page(analyst, { search: 'parental leave' }))
  await time('log, search "gym" + thumbs-down + last 30 days (analyst)', () =>
    page(analyst, { ...last30, search: 'gym', feedback: 'down' }),
  )
  await time(
    'count (capped at 10,000), unfiltered (analyst)',
    async () => (await countAnswerLog(db, analyst, {})).count,
  )
  await time(
    'count, thumbs-down + last 30 days (analyst)',
    async () => (await countAnswerLog(db, analyst, { ...last30, feedback: 'down' })).count,
  )
  await time(
    'count, search "parental leave" (analyst)',
    async () => (await countAnswerLog(db, analyst, { search: 'parental leave' })).count,
  )
  await time('models (filter options, skip scan)', async () => (await listLoggedModels(db)).length)
  await time(
    'dashboard, 30 days (analyst)',
    async () =>
      (await dashboardStats(db, analyst, { from: new Date(now - 30 * day), to: new Date(now + day) })).days
        .length,
  )
  await time(
    'dashboard, 90 days (admin)',
    async () =>
      (await dashboardStats(db, admin, { from: new Date(now - 91 * day), to: new Date(now + day) })).days
        .length,
  )
  await time(
    'coverage-gap questions, 30 days, last 2000 (analyst)',
    async () =>
      (await coverageGapQuestions(db, analyst, { from: new Date(now - 30 * day), to: new Date(now + day) }))
        .length,
  )
  await time('queue, next item (analyst)', async () => ((await nextInQueue(db, analyst)) ? 1 : 0))
  const head = await nextInQueue(db, analyst)
  await time('queue, item after the head (analyst)', async () =>
    (await nextInQueue(db, analyst, { after: head?.position })) ? 1 : 0,
  )
  await time('queue, counts per bucket (analyst)', async () =>
    Object.values((await queueCounts(db, analyst)).counts).reduce((a, b) => a + b, 0),
  )
  await time('export JSONL rows, thumbs-down, all time (analyst)', async () => {
    let n = 0
    for await (const batch of exportAnswerLog(db, analyst, { feedback: 'down' })) n += batch.length
    return n
  })
  if (args.json) process.stdout.write(`${JSON.stringify({ count, insertS, summary, results }, null, 2)}\n`)
} finally {
  await handle.close()
  await server.stop()
  if (!keep) rmSync(dir, { recursive: true, force: true })
}

async function existingDocuments() {
  const rows = await db.execute(sql`select d.id as "documentId", d.current_version_id as "versionId", d.title
    from documents d order by d.title`)
  const docs = rows.rows as { documentId: string; versionId: string; title: string }[]
  const access = await documentAccess(
    db,
    docs.map((d) => d.documentId),
  )
  const groupsOf = new Map(access.map((a) => [a.documentId, a.groupNames]))
  return docs.map((d) => ({ ...d, restricted: !(groupsOf.get(d.documentId) ?? []).includes('everyone') }))
}
