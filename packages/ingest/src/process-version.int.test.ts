import { claimVersionAttempt, failVersion, getDocument, getVersion } from '@policydesk/db'
import { startTestDatabase, type TestDatabase, truncateAll } from '@policydesk/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BUILTIN_EMBEDDING_DIMENSIONS, HashingEmbeddings } from './embed/hashing-embeddings'
import type { EmbeddingProvider } from './embed/provider'
import { type ProcessDeps, processVersion } from './process-version'
import { poisonReason } from './processing-limits'
import { submitDocumentVersion } from './submit'

let t: TestDatabase

beforeAll(async () => {
  t = await startTestDatabase()
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(async () => {
  await truncateAll(t)
})

/** The built-in embedder, with a hook that runs before each batch (to hang, fail or race it). */
class HookedEmbeddings extends HashingEmbeddings {
  constructor(private readonly before: () => Promise<void>) {
    super({})
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    await this.before()
    return super.embedDocuments(texts)
  }
}

const embedderWith = (before: () => Promise<void> = async () => {}): EmbeddingProvider => ({
  embeddings: new HookedEmbeddings(before),
  model: 'test-hash-384',
  dimensions: BUILTIN_EMBEDDING_DIMENSIONS,
})

const limits = { maxAttempts: 2, timeoutMs: 60_000 }
const deps = (embedder = embedderWith(), overrides: Partial<ProcessDeps> = {}): ProcessDeps => ({
  db: t.db,
  embedder,
  maxBytes: 5_000_000,
  limits,
  ...overrides,
})

const submit = async (name = 'lockers.md') =>
  submitDocumentVersion(t.db, {
    sourceName: name,
    bytes: Buffer.from(
      '# Lockers\n\n## Use\n\nLockers are assigned by the office manager and emptied on Fridays.\n',
    ),
  })

const chunkCount = async (versionId: string) =>
  (await t.pool.query<{ n: number }>('select count(*)::int n from chunks where version_id = $1', [versionId]))
    .rows[0]?.n

describe('processVersion: attempts counted on the version row', () => {
  it('fails a version as a poison job once its attempts stopped maxAttempts times, without processing it', async () => {
    const { versionId } = await submit()
    // Two attempts that started and never ended, as when a worker is killed mid-job.
    const claim = { versionId, maxStoppedAttempts: limits.maxAttempts, poisonReason: () => 'unused' }
    expect(await claimVersionAttempt(t.db, claim)).toMatchObject({ outcome: 'claimed', stoppedAttempts: 0 })
    expect(await claimVersionAttempt(t.db, claim)).toMatchObject({ outcome: 'claimed', stoppedAttempts: 1 })
    let embedded = false
    const result = await processVersion(
      deps(
        embedderWith(async () => {
          embedded = true
        }),
      ),
      versionId,
    )
    const reason = poisonReason(2, limits)
    expect(result).toEqual({ status: 'failed', error: reason })
    expect(reason).toMatch(/^Poison job: the worker stopped 2 times while processing this file/)
    expect(embedded).toBe(false)
    expect(await getVersion(t.db, versionId)).toMatchObject({
      status: 'failed',
      stage: 'failed',
      error: reason,
      attempts: 2,
      stoppedAttempts: 2,
      attemptStartedAt: null,
    })
    expect(await chunkCount(versionId)).toBe(0)
    // A failed version is not processed again by a late or duplicate job.
    expect(await processVersion(deps(), versionId)).toEqual({ status: 'failed', error: reason })
  })

  it('processes a version whose earlier attempt stopped once (below the limit) and counts it', async () => {
    const { versionId } = await submit()
    await claimVersionAttempt(t.db, { versionId, maxStoppedAttempts: 2, poisonReason: () => 'unused' })
    expect(await processVersion(deps(), versionId)).toMatchObject({ status: 'ready', skipped: false })
    expect(await getVersion(t.db, versionId)).toMatchObject({
      status: 'ready',
      attempts: 2,
      stoppedAttempts: 1,
      attemptStartedAt: null,
    })
  })

  it('does not count an attempt that ended with a (retried) error as stopped', async () => {
    const { versionId } = await submit()
    let calls = 0
    const flaky = embedderWith(async () => {
      calls++
      if (calls === 1) throw new Error('embeddings service answered 503')
    })
    await expect(processVersion(deps(flaky), versionId)).rejects.toThrow('503')
    expect(await getVersion(t.db, versionId)).toMatchObject({
      status: 'processing',
      attempts: 1,
      stoppedAttempts: 0,
      attemptStartedAt: null,
    })
    expect(await processVersion(deps(flaky), versionId)).toMatchObject({ status: 'ready' })
    expect(await getVersion(t.db, versionId)).toMatchObject({ attempts: 2, stoppedAttempts: 0 })
  })
})

describe('processVersion: per-attempt timeout', () => {
  it('fails the version cleanly when an attempt runs past timeoutMs', async () => {
    const { versionId, documentId } = await submit()
    const hanging = embedderWith(() => new Promise<void>(() => {}))
    const started = Date.now()
    const result = await processVersion(
      deps(hanging, { limits: { maxAttempts: 3, timeoutMs: 1_000 } }),
      versionId,
    )
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result).toMatchObject({ status: 'failed' })
    const error = result.status === 'failed' ? result.error : ''
    expect(error).toMatch(/^Processing took longer than 1 s \(INGEST_JOB_TIMEOUT_MS\) and was stopped/)
    expect(await getVersion(t.db, versionId)).toMatchObject({
      status: 'failed',
      error,
      attemptStartedAt: null,
    })
    expect(await chunkCount(versionId)).toBe(0)
    expect((await getDocument(t.db, documentId))?.currentVersionId).toBeNull()
  })

  it('stores nothing when the version is failed while its attempt is still running', async () => {
    const { versionId, documentId } = await submit()
    // Another worker failed it meanwhile (e.g. as a poison job) just before this attempt stores.
    const racing = embedderWith(() => failVersion(t.db, versionId, 'failed elsewhere'))
    expect(await processVersion(deps(racing), versionId)).toEqual({
      status: 'failed',
      error: 'failed elsewhere',
    })
    expect(await getVersion(t.db, versionId)).toMatchObject({ status: 'failed', error: 'failed elsewhere' })
    expect(await chunkCount(versionId)).toBe(0)
    expect((await getDocument(t.db, documentId))?.currentVersionId).toBeNull()
  })
})

describe('processVersion: progress bookkeeping', () => {
  it('throttled: the start, the store (always) and ready; every stage with a zero interval', async () => {
    const throttledRun: string[] = []
    const { versionId } = await submit()
    expect(
      await processVersion(
        deps(undefined, {
          progressIntervalMs: 60_000,
          onProgress: (r) => void throttledRun.push(`${r.stage}:${r.progress}`),
        }),
        versionId,
      ),
    ).toMatchObject({ status: 'ready' })
    expect(throttledRun).toEqual(['parsing:5', 'storing:90', 'ready:100'])
    expect(await getVersion(t.db, versionId)).toMatchObject({ status: 'ready', progress: 100 })

    const everyStage: string[] = []
    const second = await submit('lockers-2.md')
    await processVersion(
      deps(undefined, {
        progressIntervalMs: 0,
        onProgress: (r) => void everyStage.push(`${r.stage}:${r.progress}`),
      }),
      second.versionId,
    )
    expect(everyStage).toEqual([
      'parsing:5',
      'chunking:25',
      'embedding:35',
      'embedding:85',
      'storing:90',
      'ready:100',
    ])
  })
})
