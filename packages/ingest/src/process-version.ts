import { type Database, getDocument, getVersion, type schema, updateVersionProgress } from '@policydesk/db'
import { type ChunkOptions, chunkDocument, defaultChunkOptions } from './chunk/chunk-document'
import { type EmbeddingProvider, embeddingInput, embedTexts } from './embed/provider'
import { parseDocument } from './parse'
import { IngestRejection } from './parse/types'
import { type StoreTimings, storeVersion } from './store/store-version'

type IngestStage = schema.IngestStage

export type ProgressReport = { stage: IngestStage; progress: number }

export type ProcessDeps = {
  db: Database
  embedder: EmbeddingProvider
  maxBytes: number
  chunkOptions?: ChunkOptions
  /** Called at each stage, e.g. to mirror progress onto the BullMQ job. */
  onProgress?: (report: ProgressReport) => void | Promise<void>
}

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
 * a retry, or a duplicate job): a ready version is left alone and storing replaces rows atomically.
 * A permanent problem with the file ends as `failed` with a readable reason; anything else is thrown so
 * the queue retries it.
 */
export async function processVersion(deps: ProcessDeps, versionId: string): Promise<ProcessResult> {
  const started = performance.now()
  const version = await getVersion(deps.db, versionId)
  const loaded = performance.now()
  if (!version) return { status: 'missing' }
  if (version.status === 'ready') return { status: 'ready', chunks: version.chunkCount, skipped: true }

  let progressMs = 0
  const report = async (stage: IngestStage, progress: number) => {
    const t = performance.now()
    await updateVersionProgress(deps.db, versionId, { status: 'processing', stage, progress })
    await deps.onProgress?.({ stage, progress })
    progressMs += performance.now() - t
  }

  try {
    if (!version.content) throw new IngestRejection('The original file was purged; upload it again')
    await report('parsing', 5)
    // The file name only breaks ties between text formats (a .md without Markdown syntax); bytes decide.
    let mark = performance.now()
    const document = await getDocument(deps.db, version.documentId)
    const loadMs = loaded - started + (performance.now() - mark)
    mark = performance.now()
    const parsed = await parseDocument(version.content, {
      maxBytes: deps.maxBytes,
      fileName: document?.sourceName,
    })
    const parseMs = performance.now() - mark
    await report('chunking', 25)
    mark = performance.now()
    const { chunks } = chunkDocument(parsed, deps.chunkOptions ?? defaultChunkOptions)
    const chunkMs = performance.now() - mark
    if (chunks.length === 0) throw new IngestRejection('The document contains no extractable text')

    await report('embedding', 35)
    const vectors: number[][] = []
    let embedMs = 0
    for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
      const batch = chunks.slice(i, i + EMBED_BATCH)
      mark = performance.now()
      vectors.push(...(await embedTexts(deps.embedder, batch.map(embeddingInput))))
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
      chunks,
      vectors,
      model: deps.embedder.model,
      dimensions: deps.embedder.dimensions,
      pageCount: parsed.pageCount,
      detectedMime: parsed.mime,
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
  } catch (error) {
    if (error instanceof IngestRejection) {
      await markVersionFailed(deps.db, versionId, error.message)
      await deps.onProgress?.({ stage: 'failed', progress: 100 })
      return { status: 'failed', error: error.message }
    }
    throw error
  }
}

export async function markVersionFailed(db: Database, versionId: string, reason: string): Promise<void> {
  await updateVersionProgress(db, versionId, {
    status: 'failed',
    stage: 'failed',
    progress: 100,
    error: reason,
  })
}
