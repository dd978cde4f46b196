import {
  claimVersionAttempt,
  type Database,
  endVersionAttempt,
  failVersion,
  getDocument,
  getVersion,
  reportAttemptProgress,
  type schema,
} from '@policydesk/db'
import { SUGGESTION_TEXT_CHARS, suggestApplicability } from './applicability/gazetteer'
import { type ChunkOptions, chunkDocument } from './chunk/chunk-document'
import { type EmbeddingProvider, embeddingInput, embedTexts } from './embed/provider'
import { chunkOptionsFromEnv, readPdfLimits } from './env'
import { parseDocument } from './parse'
import type { PdfLimits } from './parse/pdf-limits'
import { IngestRejection } from './parse/types'
import {
  type ProcessingLimits,
  ProcessingTimeout,
  poisonReason,
  processingLimits,
  untilAborted,
} from './processing-limits'
import { throttled } from './progress-throttle'
import { type StoreTimings, storeVersion, VersionNoLongerProcessing } from './store/store-version'

type IngestStage = schema.IngestStage

export type ProgressReport = { stage: IngestStage; progress: number }

export type ProcessDeps = {
  db: Database
  embedder: EmbeddingProvider
  maxBytes: number
  /** Page, size and time limits for PDFs; read from the environment (INGEST_PDF_*) when absent. */
  pdfLimits?: PdfLimits
  chunkOptions?: ChunkOptions
  /** Poison-job and timeout limits; default from the environment (INGEST_MAX_ATTEMPTS, INGEST_JOB_TIMEOUT_MS). */
  limits?: ProcessingLimits
  /** Called at each stage, e.g. to mirror progress onto the BullMQ job. */
  onProgress?: (report: ProgressReport) => void | Promise<void>
  /**
   * Progress (row update + onProgress) is written at most this often; the first report always goes out.
   * Default PROGRESS_INTERVAL_MS; 0 writes every stage.
   */
  progressIntervalMs?: number
}

/**
 * A small document is done in well under a second: progress is written when it starts (`parsing`) and when
 * its one transaction starts (`storing`, always written), then `ready`; a large one also shows its stages
 * moving once a second.
 */
export const PROGRESS_INTERVAL_MS = 1_000

/**
 * Where one version's processing time went, in milliseconds (returned with a fresh `ready` result, so it also
 * travels as the BullMQ job's return value to benchmarks in another process). `loadMs` reads the version and
 * its document; `progressMs` is the stage bookkeeping (progress row updates and `onProgress`).
 */
export type IngestTimings = {
  loadMs: number
  parseMs: number
  chunkMs: number
  embedMs: number
  storeMs: number
  store: StoreTimings
  progressMs: number
  totalMs: number
  bytes: number
}

export type ProcessResult =
  | { status: 'ready'; chunks: number; skipped: boolean; timings?: IngestTimings }
  | { status: 'failed'; error: string }
  | { status: 'missing' }

const EMBED_BATCH = 64

/**
 * parse → chunk → embed → store for one version. Safe to run again on the same version (after a crash,
 * a retry, or a duplicate job): a ready or failed version is left alone and storing replaces rows
 * atomically. Each run is an attempt counted on the version row: one that finds the previous attempt
 * unfinished counts it as stopped, and at `limits.maxAttempts` stopped attempts the version is failed as
 * a poison job. An attempt longer than `limits.timeoutMs` fails the version. A permanent problem with the
 * file ends as `failed` with a readable reason; anything else is thrown so the queue retries it.
 */
export async function processVersion(deps: ProcessDeps, versionId: string): Promise<ProcessResult> {
  const started = performance.now()
  const limits = deps.limits ?? processingLimits()
  const claim = await claimVersionAttempt(deps.db, {
    versionId,
    maxStoppedAttempts: limits.maxAttempts,
    poisonReason: (stopped) => poisonReason(stopped, limits),
  })
  if (claim.outcome === 'missing') return { status: 'missing' }
  if (claim.outcome === 'finished') {
    return claim.status === 'ready'
      ? { status: 'ready', chunks: claim.chunkCount, skipped: true }
      : { status: 'failed', error: claim.error ?? 'Ingestion failed' }
  }
  if (claim.outcome === 'poison') {
    await deps.onProgress?.({ stage: 'failed', progress: 100 })
    return { status: 'failed', error: claim.reason }
  }

  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new ProcessingTimeout(limits.timeoutMs)), limits.timeoutMs)
  try {
    return await runAttempt(deps, versionId, controller.signal, started)
  } catch (error) {
    const reason = controller.signal.aborted
      ? (controller.signal.reason as ProcessingTimeout).message
      : error instanceof IngestRejection
        ? error.message
        : null
    if (reason) {
      await markVersionFailed(deps.db, versionId, reason)
      await deps.onProgress?.({ stage: 'failed', progress: 100 })
      return { status: 'failed', error: reason }
    }
    if (error instanceof VersionNoLongerProcessing) {
      const version = await getVersion(deps.db, versionId)
      return { status: 'failed', error: version?.error ?? error.message }
    }
    // A transient error: the attempt ended (it did not stop), and the queue will try again.
    await endVersionAttempt(deps.db, versionId).catch(() => {})
    throw error
  } finally {
    clearTimeout(timer)
  }
}

async function runAttempt(
  deps: ProcessDeps,
  versionId: string,
  signal: AbortSignal,
  started: number,
): Promise<ProcessResult> {
  const version = await getVersion(deps.db, versionId)
  const loaded = performance.now()
  if (!version) return { status: 'missing' }

  let progressMs = 0
  const write = throttled(async (update: ProgressReport) => {
    await reportAttemptProgress(deps.db, versionId, update)
    await deps.onProgress?.(update)
  }, deps.progressIntervalMs ?? PROGRESS_INTERVAL_MS)
  const report = async (stage: IngestStage, progress: number) => {
    signal.throwIfAborted()
    const t = performance.now()
    await write({ stage, progress }, stage === 'storing')
    progressMs += performance.now() - t
  }

  if (!version.content) throw new IngestRejection('The original file was purged; upload it again')
  await report('parsing', 5)
  // The file name only breaks ties between text formats (a .md without Markdown syntax); bytes decide.
  let mark = performance.now()
  const document = await getDocument(deps.db, version.documentId)
  const loadMs = loaded - started + (performance.now() - mark)
  mark = performance.now()
  const parsed = await untilAborted(
    parseDocument(version.content, {
      maxBytes: deps.maxBytes,
      fileName: document?.sourceName,
      pdf: deps.pdfLimits ?? readPdfLimits(),
    }),
    signal,
  )
  const parseMs = performance.now() - mark
  await report('chunking', 25)
  mark = performance.now()
  const { chunks } = chunkDocument(parsed, deps.chunkOptions ?? chunkOptionsFromEnv())
  const chunkMs = performance.now() - mark
  if (chunks.length === 0) throw new IngestRejection('The document contains no extractable text')

  await report('embedding', 35)
  const vectors: number[][] = []
  let embedMs = 0
  for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
    const batch = chunks.slice(i, i + EMBED_BATCH)
    mark = performance.now()
    vectors.push(...(await untilAborted(embedTexts(deps.embedder, batch.map(embeddingInput)), signal)))
    embedMs += performance.now() - mark
    await report(
      'embedding',
      35 + Math.round((50 * Math.min(i + EMBED_BATCH, chunks.length)) / chunks.length),
    )
  }

  await report('storing', 90)
  mark = performance.now()
  const store = await storeVersion(deps.db, {
    versionId,
    title: document?.title ?? '',
    chunks,
    vectors,
    model: deps.embedder.model,
    dimensions: deps.embedder.dimensions,
    pageCount: parsed.pageCount,
    detectedMime: parsed.mime,
    hiddenTextDropped: parsed.hiddenTextDropped,
    suggestion: suggestApplicability({
      title: [document?.title ?? '', chunks[0]?.headingPath[0] ?? ''].join(' — '),
      text: chunks
        .map((c) => c.text)
        .join('\n')
        .slice(0, SUGGESTION_TEXT_CHARS),
    }),
    signal,
  })
  const storeMs = performance.now() - mark
  mark = performance.now()
  await deps.onProgress?.({ stage: 'ready', progress: 100 })
  progressMs += performance.now() - mark
  const timings: IngestTimings = {
    loadMs,
    parseMs,
    chunkMs,
    embedMs,
    storeMs,
    store,
    progressMs,
    totalMs: performance.now() - started,
    bytes: version.content.length,
  }
  return { status: 'ready', chunks: chunks.length, skipped: false, timings }
}

/** Ends the version as failed with a reason people can act on (and ends its attempt). */
export async function markVersionFailed(db: Database, versionId: string, reason: string): Promise<void> {
  await failVersion(db, versionId, reason)
}
