import type { Command } from 'commander'
import { z } from 'zod'
import { COLD_START_QUESTION, type ColdStartReport, runColdStartBench } from '../bench/cold-start-bench'
import { type IngestBenchReport, runIngestBench } from '../bench/ingest-bench'
import { type InsertBenchReport, runInsertBench } from '../bench/insert-bench'
import { type ParseBenchReport, runParseBench } from '../bench/parse-bench'
import { type RetrievalBenchReport, runRetrievalBench } from '../bench/retrieval-bench'
import { printJson, printLine, runCommand } from '../lib/output'
import { ProgressLine } from '../lib/progress'

const ingestOptions = z.object({
  docs: z.coerce.number().int().min(1).max(20_000).optional(),
  seed: z.coerce.number().int().min(0).default(42),
  corpus: z.string().min(1).optional(),
  worker: z.enum(['spawn', 'in-process']).default('spawn'),
  index: z.enum(['live', 'deferred']).default('live'),
  timeout: z.coerce
    .number()
    .int()
    .min(10)
    .max(24 * 3600)
    .optional(),
  json: z.boolean().default(false),
})

const chunkList = z
  .string()
  .transform((value) => value.split(',').map((n) => Number(n.trim().replace(/_/g, ''))))
  .pipe(z.array(z.number().int().min(500).max(1_000_000)).min(1))

const retrievalOptions = z.object({
  chunks: chunkList.default([10_000]),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  queries: z.coerce.number().int().min(5).max(2_000).default(100),
  seed: z.coerce.number().int().min(0).default(7),
  json: z.boolean().default(false),
})

const insertOptions = z.object({
  rows: z.coerce.number().int().min(100).max(200_000).default(5_000),
  base: z.coerce.number().int().min(0).max(200_000).default(5_000),
  seed: z.coerce.number().int().min(0).default(3),
  json: z.boolean().default(false),
})

const coldStartOptions = z.object({
  runs: z.coerce.number().int().min(1).max(100).default(5),
  question: z.string().trim().min(1).max(4000).default(COLD_START_QUESTION),
  json: z.boolean().default(false),
})

const pageList = z
  .string()
  .transform((value) => value.split(',').map((n) => Number(n.trim().replace(/_/g, ''))))
  .pipe(z.array(z.number().int().min(1).max(20_000)).min(1))

const parseOptions = z.object({
  pages: pageList.default([10, 100, 400]),
  json: z.boolean().default(false),
})

/**
 * `policydesk bench …`: measurements, not tests. Everything runs against throwaway services (an in-memory
 * embedded Postgres, a temporary redis-server); nothing touches the data dir's database. Returns the
 * `bench` command so other benchmarks (e.g. `bench chat`) can be attached to it.
 */
export function registerBenchCommands(program: Command): Command {
  const bench = program
    .command('bench')
    .description('benchmarks on throwaway services: ingest throughput, retrieval latency and recall')

  bench
    .command('ingest')
    .description('ingest a synthetic policy corpus end to end through the queue and the real worker')
    .option(
      '--docs <n>',
      'documents to generate (default 200), or the first N files of --corpus (default all)',
    )
    .option('--seed <n>', 'corpus seed (same seed, same corpus)', '42')
    .option('--corpus <dir>', 'ingest these files instead of a generated corpus')
    .option('--worker <mode>', '"spawn" (a worker process, as deployed) or "in-process"', 'spawn')
    .option(
      '--index <mode>',
      '"live" (HNSW index maintained while ingesting) or "deferred" (built after)',
      'live',
    )
    .option('--timeout <seconds>', 'give up after this long (default: 120 s + 2 s per document)')
    .option('--json', 'print the report as one JSON object')
    .action((raw: unknown) => runCommand(() => benchIngest(ingestOptions.parse(raw))))

  bench
    .command('retrieval')
    .description(
      'HNSW build time, hybrid-search latency and recall@10 under ACLs on clustered synthetic corpora',
    )
    .option('--chunks <list>', 'corpus sizes, comma-separated', '10000')
    .option('--queries <n>', 'queries per user and setting', '100')
    .option('--seed <n>', 'corpus seed', '7')
    .option(
      '--database-url <url>',
      'an EMPTY, throwaway server Postgres with pgvector ≥ 0.8 instead of the embedded one (e.g. for 1M chunks); its tables are truncated after each size',
    )
    .option('--json', 'print the report as one JSON object')
    .action((raw: unknown) => runCommand(() => benchRetrieval(retrievalOptions.parse(raw))))

  bench
    .command('insert')
    .description('vector insert paths (text vs binary), without and with a live HNSW index')
    .option('--rows <n>', 'rows inserted per measurement (one transaction)', '5000')
    .option('--base <n>', 'vectors already in the HNSW index before the measured insert', '5000')
    .option('--seed <n>', 'vector seed', '3')
    .option('--json', 'print the report as one JSON object')
    .action((raw: unknown) => runCommand(() => benchInsert(insertOptions.parse(raw))))

  bench
    .command('cold-start')
    .description(
      'time to first output of `policydesk ask` (fresh processes) while the database daemon already runs',
    )
    .option('--runs <n>', 'timed runs of each command', '5')
    .option('--question <text>', 'the question asked', COLD_START_QUESTION)
    .option('--json', 'print the report as one JSON object')
    .action((raw: unknown) => runCommand(() => benchColdStart(coldStartOptions.parse(raw))))

  bench
    .command('parse')
    .description('PDF parse time and how long parsing holds the event loop at a stretch')
    .option('--pages <list>', 'PDF sizes in pages, comma-separated', '10,100,400')
    .option('--json', 'print the report as one JSON object')
    .action((raw: unknown) => runCommand(() => benchParse(parseOptions.parse(raw))))

  return bench
}

async function benchParse(options: z.infer<typeof parseOptions>): Promise<number> {
  const progress = new ProgressLine()
  const report = await runParseBench({
    pages: options.pages,
    onProgress: (fraction, detail) => progress.update('parsing', fraction, detail),
  }).finally(() => progress.done())
  if (options.json) printJson(report)
  else printParseReport(report)
  return 0
}

function printParseReport(r: ParseBenchReport): void {
  for (const x of r.results)
    printLine(
      `${String(x.pages).padStart(6)} pages (${x.megabytes} MB): ${x.parseMs} ms, ${x.pagesPerSecond} pages/s; event loop held at most ${x.maxLoopBlockMs} ms (p99 ${x.p99LoopBlockMs} ms)`,
    )
  printLine(
    r.verdict.blocksLoop
      ? `parsing holds the event loop longer than ${r.verdict.thresholdMs} ms: worth moving to a worker thread`
      : `parsing never held the event loop longer than ${r.verdict.thresholdMs} ms: a worker thread would not pay`,
  )
  printLine(`load average start → end: ${r.machine.loadStart.join(' ')} → ${r.machine.loadEnd.join(' ')}`)
}

async function benchColdStart(options: z.infer<typeof coldStartOptions>): Promise<number> {
  const progress = new ProgressLine()
  const report = await runColdStartBench({
    runs: options.runs,
    question: options.question,
    onProgress: (fraction, detail) => progress.update('cold start', fraction, detail),
  }).finally(() => progress.done())
  if (options.json) printJson(report)
  else printColdStartReport(report)
  return 0
}

function printColdStartReport(r: ColdStartReport): void {
  printLine(
    `throwaway data dir seeded in ${r.setup.seedSeconds} s; daemon running; ${r.setup.compiled ? 'compiled CLI' : 'tsx on the sources'}`,
  )
  for (const c of r.commands)
    printLine(
      `${c.command.padEnd(28)} first output p50 ${c.firstOutputMs.p50} ms (${c.firstOutputMs.min}–${c.firstOutputMs.max}), exit p50 ${c.exitMs.p50} ms, ${c.runs} runs`,
    )
  printLine(
    `goal: ask's first output ≤ ${r.goal.firstOutputMs} ms: ${r.goal.met ? 'met' : 'missed'} (p50 ${r.goal.askP50Ms} ms)`,
  )
  printLine(`load average start → end: ${r.machine.loadStart.join(' ')} → ${r.machine.loadEnd.join(' ')}`)
}

async function benchInsert(options: z.infer<typeof insertOptions>): Promise<number> {
  const progress = new ProgressLine()
  const report = await runInsertBench({
    rows: options.rows,
    baseRows: options.base,
    seed: options.seed,
    onProgress: (fraction, detail) => progress.update('inserting', fraction, detail),
  }).finally(() => progress.done())
  if (options.json) printJson(report)
  else printInsertReport(report)
  return 0
}

function printInsertReport(r: InsertBenchReport): void {
  printLine(`${r.rows} vectors of ${r.dims} dims per measurement, one transaction each`)
  for (const x of r.results) {
    const where = x.hnsw ? `with HNSW (${r.indexedBaseRows} indexed)` : 'no index'
    printLine(
      `${x.path.padEnd(12)} ${where.padEnd(28)} ${String(x.rowsPerSecond).padStart(7)} rows/s  (${x.seconds} s)`,
    )
  }
  printLine(`load average start → end: ${r.machine.loadStart.join(' ')} → ${r.machine.loadEnd.join(' ')}`)
}

async function benchIngest(options: z.infer<typeof ingestOptions>): Promise<number> {
  const progress = new ProgressLine()
  const docs = options.docs ?? (options.corpus ? 20_000 : 200)
  const report = await runIngestBench({
    docs,
    seed: options.seed,
    corpusDir: options.corpus,
    worker: options.worker,
    index: options.index,
    timeoutMs: options.timeout === undefined ? undefined : options.timeout * 1000,
    onProgress: (done, total, detail) =>
      progress.update('ingesting', done / total, `${done}/${total} ${detail}`),
  }).finally(() => progress.done())
  if (options.json) printJson(report)
  else printIngestReport(report)
  return report.results.failed > 0 ? 1 : 0
}

async function benchRetrieval(options: z.infer<typeof retrievalOptions>): Promise<number> {
  const progress = new ProgressLine()
  const report = await runRetrievalBench({
    sizes: options.chunks,
    queries: options.queries,
    seed: options.seed,
    databaseUrl: options.databaseUrl,
    onProgress: (label, fraction, detail) => progress.update(label, fraction, detail),
  }).finally(() => progress.done())
  if (options.json) printJson(report)
  else printRetrievalReport(report)
  return 0
}

const row = (name: string, value: string | number | null) => printLine(`${name.padEnd(34)} ${value ?? '—'}`)
const pct = (n: number) => `${n}%`

function printIngestReport(r: IngestBenchReport): void {
  row('corpus', `${r.corpus.docs} ${r.corpus.source} documents, ${r.corpus.mb} MB`)
  row('worker', r.setup.worker)
  row('embedder', `${r.setup.embedder.model} (${r.setup.embedder.dimensions} dims)`)
  row('HNSW index', r.setup.hnswIndex)
  row('ready / failed', `${r.results.ready} / ${r.results.failed}`)
  row('chunks', r.results.chunks)
  row('wall time', `${r.results.wallSeconds} s (submit ${r.results.submitSeconds} s)`)
  row('documents/s', r.results.docsPerSecond)
  row('chunks/s', r.results.chunksPerSecond)
  row('MB/s', r.results.mbPerSecond)
  if (r.results.indexBuildSeconds !== null) {
    row('HNSW build after load', `${r.results.indexBuildSeconds} s`)
    row('chunks/s incl. index build', r.results.chunksPerSecondWithIndexBuild)
  }
  const t = r.timeSplit
  row(
    'time split (summed over jobs)',
    `load ${pct(t.shares.load)}, parse ${pct(t.shares.parse)}, chunk ${pct(t.shares.chunk)}, embed ${pct(t.shares.embed)}, store ${pct(t.shares.store)}, progress ${pct(t.shares.progress)}, other ${pct(t.shares.other)}`,
  )
  row(
    'store split',
    `chunk rows ${pct(t.storeShares.chunks)}, embedding rows ${pct(t.storeShares.embeddings)}, finalize ${pct(t.storeShares.finalize)}, delete ${pct(t.storeShares.delete)}`,
  )
  row('embedding insert rows/s', t.embeddingInsertRowsPerSecond)
  row(
    'raw binary insert, same vectors',
    `${r.rawInsert.rowsPerSecond} rows/s (${r.rawInsert.rows} rows, index ${r.rawInsert.hnswIndex})`,
  )
  row('chunks/s ÷ raw insert rows/s', `${r.chunksPerSecondVsRawInsert} (goal ≥ 0.5)`)
  row('chunk insert rows/s', t.chunkInsertRowsPerSecond)
  row(
    'CPU s: bench (db) / worker',
    `${r.cpu.benchProcessSeconds} / ${r.cpu.workerProcessSeconds ?? '(in-process)'}`,
  )
  row('peak RSS bench process', `${r.memory.benchProcess.maxRssMiB} MiB`)
  if (r.memory.worker) row('peak RSS worker (VmHWM)', `${r.memory.worker.vmHwmMiB} MiB`)
  row('database size', `${r.memory.databaseMiB} MiB`)
  row('load average start → end', `${r.machine.loadStart.join(' ')} → ${r.machine.loadEnd.join(' ')}`)
  for (const f of r.failures) printLine(`✗ ${f.name}: ${f.error}`)
}

function printRetrievalReport(r: RetrievalBenchReport): void {
  for (const size of r.sizes) {
    printLine(
      `\n${size.chunks} chunks, ${size.documents} documents, ${size.topics} topics: insert ${size.insert.embeddingRowsPerSecond} vectors/s, HNSW build ${size.hnswBuildSeconds} s, database ${size.memory.databaseMiB} MiB, RSS ${size.memory.rssMiB} MiB (peak ${size.memory.peakRssMiB})`,
    )
    printLine(
      `pure HNSW kNN (no ACL, no text side): p50 ${size.pureHnsw.p50Ms} ms, p95 ${size.pureHnsw.p95Ms} ms (${size.pureHnsw.samples} queries)`,
    )
    printLine(
      `${'user'.padEnd(16)} ${'setting'.padEnd(52)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p95/HNSW'.padStart(9)} ${'recall@10'.padStart(10)} ${'vec rows'.padStart(9)} ${'hnsw scans'.padStart(10)} ${'tuples/q'.padStart(9)}`,
    )
    for (const run of size.runs) {
      printLine(
        `${`${run.user} ${run.readablePercent}%`.padEnd(16)} ${run.setting.padEnd(52)} ${String(run.p50Ms).padStart(8)} ${String(run.p95Ms).padStart(8)} ${String(run.p95VsPureHnsw).padStart(9)} ${String(run.recallAt10).padStart(10)} ${String(run.meanVectorRows).padStart(9)} ${String(run.hnswScans ?? '—').padStart(10)} ${String(run.hnswTuplesPerQuery ?? '—').padStart(9)}`,
      )
    }
  }
  for (const size of r.sizes) {
    printLine(`\n${size.chunks} chunks, EXPLAIN ANALYZE means (ms): statement, then each materialised CTE`)
    for (const p of size.plans) {
      const ctes = Object.entries(p.ctes)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', ')
      printLine(`${p.user.padEnd(16)} ${p.setting.padEnd(52)} ${p.executionMs}: ${ctes}`)
    }
  }
  printLine(`\nload average start → end: ${r.machine.loadStart.join(' ')} → ${r.machine.loadEnd.join(' ')}`)
}
