import { type ChildProcess, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb, embeddingIndexName, ensureEmbeddingIndex, sql } from '@policydesk/db'
import { type EphemeralDatabase, startEphemeralDatabase } from '@policydesk/db/embedded'
import { createEmbeddingProvider, type IngestTimings, submitDocumentVersion } from '@policydesk/ingest'
import { ingestJob, ingestJobOptions, ingestWorkerOptions, JobProducer } from '@policydesk/jobs'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { childEnv, dataDir, sleep, UserFacingError } from '@policydesk/runtime'
import { startIngestWorker } from '@policydesk/worker'
import { collectFiles } from '../lib/collect-files'
import { migrateDatabase } from '../lib/prepare-database'
import {
  loadAverage,
  type MachineInfo,
  machineInfo,
  procCpuSeconds,
  RssSampler,
  round,
  since,
} from './measure'
import { generatePolicyCorpus } from './policy-corpus'
import { type RawInsertReference, rawInsertReference, storedVectors } from './raw-insert-reference'

export type IngestBenchOptions = {
  docs: number
  seed: number
  /** Read these files instead of generating a corpus. */
  corpusDir?: string
  /** `spawn` (default): the real worker entry point in its own process, as deployed. */
  worker: 'spawn' | 'in-process'
  /** `live` (default): the model's HNSW index exists while ingesting, as in production. `deferred`: drop it, build it after. */
  index: 'live' | 'deferred'
  /** Default: 120 s plus 2 s per document. */
  timeoutMs?: number
  onProgress?: (done: number, total: number, detail: string) => void
}

type BenchFile = { name: string; bytes: Buffer }

type StageTotals = Omit<IngestTimings, 'bytes'> & { otherMs: number }

export type IngestBenchReport = {
  bench: 'ingest'
  corpus: { source: 'synthetic' | 'directory'; seed: number | null; docs: number; bytes: number; mb: number }
  setup: {
    worker: string
    database: string
    redis: string
    embedder: { model: string; dimensions: number }
    hnswIndex: 'live' | 'deferred'
    workerConcurrency: number
  }
  results: {
    ready: number
    failed: number
    chunks: number
    embeddings: number
    /** First submit → last version ready (or failed). */
    wallSeconds: number
    /** Part of the wall time spent submitting (storing the bytes) and enqueueing, which overlaps processing. */
    submitSeconds: number
    docsPerSecond: number
    chunksPerSecond: number
    mbPerSecond: number
    /** Deferred index only: building the HNSW index after the load, and throughput including it. */
    indexBuildSeconds: number | null
    chunksPerSecondWithIndexBuild: number | null
  }
  /** Summed over jobs (two run concurrently, so the sum exceeds wall time); shares are of totalMs. */
  timeSplit: StageTotals & {
    jobs: number
    shares: Record<'load' | 'parse' | 'chunk' | 'embed' | 'store' | 'progress' | 'other', number>
    storeShares: Record<'delete' | 'chunks' | 'embeddings' | 'finalize', number>
    /** Embedding rows per second of embeddings-insert time (binary vectors + HNSW maintenance). */
    embeddingInsertRowsPerSecond: number
    chunkInsertRowsPerSecond: number
  }
  cpu: { benchProcessSeconds: number; workerProcessSeconds: number | null }
  memory: {
    /** This process: the embedded Postgres (PGlite, WASM) + producer (+ the worker when in-process). */
    benchProcess: { sampledPeakMiB: number; maxRssMiB: number }
    worker: { sampledPeakMiB: number | null; vmHwmMiB: number | null } | null
    databaseMiB: number
  }
  /**
   * The same vectors inserted raw through the binary path in one transaction, same index mode, measured
   * after the ingest in this run; and the ingest's chunks/s over its rows/s (issue 17: ≥ 0.5).
   */
  rawInsert: RawInsertReference
  chunksPerSecondVsRawInsert: number
  machine: MachineInfo
  failures: { name: string; error: string | null }[]
}

async function loadCorpus(options: IngestBenchOptions): Promise<BenchFile[]> {
  if (!options.corpusDir) {
    return generatePolicyCorpus({ docs: options.docs, seed: options.seed }).map((f) => ({
      name: f.name,
      bytes: f.bytes,
    }))
  }
  const files = await collectFiles([options.corpusDir])
  const chosen = files.slice(0, options.docs)
  return Promise.all(chosen.map(async (file) => ({ name: path.basename(file), bytes: await readFile(file) })))
}

/** The worker entry point and tsx loader as absolute URLs, so the child starts the same from any cwd. */
function workerCommand(): string[] {
  const workerIndex = fileURLToPath(import.meta.resolve('@policydesk/worker'))
  return ['--import', import.meta.resolve('tsx'), path.join(path.dirname(workerIndex), 'main.ts')]
}

type RunningWorker = { pid: number | null; output: () => string; stop: () => Promise<void> }

function spawnWorkerProcess(env: Record<string, string>): RunningWorker {
  const child: ChildProcess = spawn(process.execPath, workerCommand(), {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const append = (d: Buffer) => {
    output = (output + d.toString()).slice(-8_000)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  return {
    pid: child.pid ?? null,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

const quietLog = {
  debug: () => {},
  info: () => {},
  warn: (m: string) => process.stderr.write(`[bench worker] ${m}\n`),
  error: (m: string) => process.stderr.write(`[bench worker] ${m}\n`),
}

async function waitForWorker(
  producer: JobProducer<typeof ingestJob.payload>,
  worker: RunningWorker,
): Promise<void> {
  const deadline = Date.now() + 60_000
  while ((await producer.workerCount()) === 0) {
    if (Date.now() > deadline) throw new Error(`The worker did not connect within 60 s: ${worker.output()}`)
    await sleep(100)
  }
}

type JobTimings = IngestTimings & { chunks: number }

function isReadyResult(value: unknown): value is { chunks: number; timings: IngestTimings } {
  if (typeof value !== 'object' || value === null || !('timings' in value) || !('chunks' in value))
    return false
  const timings: unknown = value.timings
  return (
    typeof value.chunks === 'number' && typeof timings === 'object' && timings !== null && 'store' in timings
  )
}

/**
 * Ingests a corpus end to end through the queue: an ephemeral embedded Postgres served from this process (as
 * `policydesk start` does), a throwaway redis-server, and the real ingest worker consuming BullMQ jobs. The
 * worker reports per-stage timings as each job's return value.
 */
export async function runIngestBench(options: IngestBenchOptions): Promise<IngestBenchReport> {
  const { report, vectors, model, dimensions } = await ingestEndToEnd(options)
  const rawInsert = await rawInsertReference(vectors, model, dimensions, options.index)
  const { machine, failures, ...rest } = report
  return {
    ...rest,
    rawInsert,
    chunksPerSecondVsRawInsert: round(report.results.chunksPerSecond / rawInsert.rowsPerSecond, 3),
    machine: { ...machine, loadEnd: machineInfo(machine.loadStart).loadEnd },
    failures,
  }
}

type EndToEnd = {
  report: Omit<IngestBenchReport, 'rawInsert' | 'chunksPerSecondVsRawInsert'>
  vectors: Float32Array[]
  model: string
  dimensions: number
}

async function ingestEndToEnd(options: IngestBenchOptions): Promise<EndToEnd> {
  const loadStart = loadAverage()
  const files = await loadCorpus(options)
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0)
  const embedder = createEmbeddingProvider()
  const cpuStart = process.cpuUsage()

  let database: EphemeralDatabase | null = null
  let redis: TestRedis | null = null
  let worker: RunningWorker | null = null
  let producer: JobProducer<typeof ingestJob.payload> | null = null
  const sampler = new RssSampler(() => (worker?.pid ? [worker.pid] : []))
  try {
    database = await startEphemeralDatabase()
    await migrateDatabase(database.db)
    const indexName = embeddingIndexName(embedder.model, embedder.dimensions)
    if (options.index === 'deferred')
      await database.db.execute(sql.raw(`drop index if exists "${indexName}"`))
    redis = await startTestRedis().catch((error: unknown) => {
      throw new UserFacingError(`bench ingest needs redis-server on PATH: ${String(error)}`)
    })
    const redisUrl = redis.url
    const dbUrl = database.url

    if (options.worker === 'spawn') {
      worker = spawnWorkerProcess({
        DATABASE_URL: dbUrl,
        REDIS_URL: redisUrl,
        POLICYDESK_DATA_DIR: dataDir(),
        POLICYDESK_LOG_LEVEL: 'warn',
        // Every version is enqueued by the bench: the reconciler must not race it.
        RECONCILE_INTERVAL_MS: '600000',
        RECONCILE_STALE_MS: '3600000',
      })
    } else {
      const handle = createDb(dbUrl)
      const inProcess = startIngestWorker({
        db: handle.db,
        redisUrl,
        log: quietLog,
        reconcileIntervalMs: 600_000,
        reconcileStaleMs: 3_600_000,
        embedder,
      })
      worker = {
        pid: null,
        output: () => '',
        stop: async () => {
          await inProcess.close()
          await handle.close()
        },
      }
    }
    producer = new JobProducer(ingestJob, redisUrl, ingestJobOptions)
    await waitForWorker(producer, worker)
    sampler.start()

    // Submit and enqueue like `policydesk ingest` does; the clock covers upload → last version ready.
    const started = performance.now()
    const jobNames = new Map<string, string>()
    for (const file of files) {
      const submitted = await submitDocumentVersion(database.db, { sourceName: file.name, bytes: file.bytes })
      jobNames.set(await producer.enqueue({ versionId: submitted.versionId }), file.name)
    }
    const submitSeconds = since(started) / 1000

    const queue = producer.raw
    const timings = new Map<string, JobTimings>()
    // Completed jobs carry the worker's stage timings as their return value; read them while still kept.
    const collect = async () => {
      for (const job of await queue.getCompleted(0, 499)) {
        const value: unknown = job.returnvalue
        if (job.id && jobNames.has(job.id) && !timings.has(job.id) && isReadyResult(value))
          timings.set(job.id, { chunks: value.chunks, ...value.timings })
      }
    }
    const timeoutMs = options.timeoutMs ?? (120 + 2 * files.length) * 1000
    const deadline = Date.now() + timeoutMs
    let done = 0
    let readyCount = 0
    for (;;) {
      await collect()
      const { rows } = await database.pool.query<{ ready: number; failed: number }>(
        `select count(*) filter (where status = 'ready')::int as ready, count(*) filter (where status = 'failed')::int as failed
         from document_versions`,
      )
      readyCount = rows[0]?.ready ?? 0
      done = readyCount + (rows[0]?.failed ?? 0)
      options.onProgress?.(done, files.length, `${readyCount} ready, ${rows[0]?.failed ?? 0} failed`)
      if (done >= files.length) break
      if (Date.now() > deadline) {
        throw new Error(`Timed out after ${timeoutMs / 1000} s with ${done}/${files.length} documents done`)
      }
      if (worker.pid !== null && !workerAlive(worker.pid))
        throw new Error(`The worker exited: ${worker.output()}`)
      await sleep(250)
    }
    const wallSeconds = since(started) / 1000
    // The version turns ready inside the job, a moment before its return value reaches Redis.
    for (let i = 0; i < 20 && timings.size < readyCount; i++) {
      await sleep(100)
      await collect()
    }

    let indexBuildSeconds: number | null = null
    if (options.index === 'deferred') {
      const t = performance.now()
      await ensureEmbeddingIndex(database.db, embedder.model, embedder.dimensions)
      indexBuildSeconds = since(t) / 1000
    }
    sampler.stop()
    const workerMemory = worker.pid ? sampler.child(worker.pid) : null
    const workerCpu = worker.pid ? procCpuSeconds(worker.pid) : null

    const { rows: statusRows } = await database.pool.query<{ status: string; n: number; chunks: number }>(
      'select status::text, count(*)::int as n, coalesce(sum(chunk_count), 0)::int as chunks from document_versions group by status',
    )
    const { rows: embeddingRows } = await database.pool.query<{ n: number; bytes: string }>(
      'select (select count(*)::int from chunk_embeddings) as n, pg_database_size(current_database())::text as bytes',
    )
    const { rows: failedRows } = await database.pool.query<{ source_name: string; error: string | null }>(
      `select d.source_name, v.error from document_versions v join documents d on d.id = v.document_id
       where v.status = 'failed' order by d.source_name limit 5`,
    )
    const vectors = await storedVectors(database, embedder.model)
    const ready = statusRows.find((r) => r.status === 'ready')
    const failed = statusRows.find((r) => r.status === 'failed')
    const chunks = ready?.chunks ?? 0
    const cpu = process.cpuUsage(cpuStart)

    const report: EndToEnd['report'] = {
      bench: 'ingest',
      corpus: {
        source: options.corpusDir ? 'directory' : 'synthetic',
        seed: options.corpusDir ? null : options.seed,
        docs: files.length,
        bytes: totalBytes,
        mb: round(totalBytes / 1e6, 2),
      },
      setup: {
        worker:
          options.worker === 'spawn'
            ? 'spawned worker process (apps/worker/src/main.ts), as deployed'
            : 'startIngestWorker in this process',
        database: 'ephemeral embedded PGlite served from this process over the wire protocol',
        redis: 'throwaway redis-server (startTestRedis)',
        embedder: { model: embedder.model, dimensions: embedder.dimensions },
        hnswIndex: options.index,
        workerConcurrency: ingestWorkerOptions.concurrency ?? 1,
      },
      results: {
        ready: ready?.n ?? 0,
        failed: failed?.n ?? 0,
        chunks,
        embeddings: embeddingRows[0]?.n ?? 0,
        wallSeconds: round(wallSeconds, 2),
        submitSeconds: round(submitSeconds, 2),
        docsPerSecond: round(files.length / wallSeconds, 2),
        chunksPerSecond: round(chunks / wallSeconds, 1),
        mbPerSecond: round(totalBytes / 1e6 / wallSeconds, 3),
        indexBuildSeconds: indexBuildSeconds === null ? null : round(indexBuildSeconds, 2),
        chunksPerSecondWithIndexBuild:
          indexBuildSeconds === null ? null : round(chunks / (wallSeconds + indexBuildSeconds), 1),
      },
      timeSplit: summarise([...timings.values()]),
      cpu: {
        benchProcessSeconds: round((cpu.user + cpu.system) / 1e6, 1),
        workerProcessSeconds: workerCpu === null ? null : round(workerCpu, 1),
      },
      memory: {
        benchProcess: sampler.self(),
        worker: workerMemory,
        databaseMiB: round(Number(embeddingRows[0]?.bytes ?? 0) / 1024 / 1024),
      },
      machine: machineInfo(loadStart),
      failures: failedRows.map((r) => ({ name: r.source_name, error: r.error })),
    }
    return { report, vectors, model: embedder.model, dimensions: embedder.dimensions }
  } finally {
    sampler.stop()
    await worker?.stop().catch(() => {})
    await producer?.close().catch(() => {})
    await redis?.stop().catch(() => {})
    await database?.stop().catch(() => {})
  }
}

function workerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function summarise(all: JobTimings[]): IngestBenchReport['timeSplit'] {
  const sum = (pick: (t: JobTimings) => number) => all.reduce((n, t) => n + pick(t), 0)
  const totalMs = sum((t) => t.totalMs)
  const loadMs = sum((t) => t.loadMs)
  const progressMs = sum((t) => t.progressMs)
  const parseMs = sum((t) => t.parseMs)
  const chunkMs = sum((t) => t.chunkMs)
  const embedMs = sum((t) => t.embedMs)
  const storeMs = sum((t) => t.storeMs)
  const store = {
    deleteMs: sum((t) => t.store.deleteMs),
    chunksMs: sum((t) => t.store.chunksMs),
    embeddingsMs: sum((t) => t.store.embeddingsMs),
    finalizeMs: sum((t) => t.store.finalizeMs),
  }
  const otherMs = totalMs - loadMs - parseMs - chunkMs - embedMs - storeMs - progressMs
  const share = (ms: number) => (totalMs > 0 ? round((100 * ms) / totalMs, 1) : 0)
  const storeShare = (ms: number) => (storeMs > 0 ? round((100 * ms) / storeMs, 1) : 0)
  const rows = sum((t) => t.chunks)
  return {
    jobs: all.length,
    totalMs: round(totalMs),
    loadMs: round(loadMs),
    parseMs: round(parseMs),
    chunkMs: round(chunkMs),
    embedMs: round(embedMs),
    storeMs: round(storeMs),
    store: {
      deleteMs: round(store.deleteMs),
      chunksMs: round(store.chunksMs),
      embeddingsMs: round(store.embeddingsMs),
      finalizeMs: round(store.finalizeMs),
    },
    progressMs: round(progressMs),
    otherMs: round(otherMs),
    shares: {
      load: share(loadMs),
      parse: share(parseMs),
      chunk: share(chunkMs),
      embed: share(embedMs),
      store: share(storeMs),
      progress: share(progressMs),
      other: share(otherMs),
    },
    storeShares: {
      delete: storeShare(store.deleteMs),
      chunks: storeShare(store.chunksMs),
      embeddings: storeShare(store.embeddingsMs),
      finalize: storeShare(store.finalizeMs),
    },
    embeddingInsertRowsPerSecond: store.embeddingsMs > 0 ? round(rows / (store.embeddingsMs / 1000), 0) : 0,
    chunkInsertRowsPerSecond: store.chunksMs > 0 ? round(rows / (store.chunksMs / 1000), 0) : 0,
  }
}
