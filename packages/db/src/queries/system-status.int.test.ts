import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationStatus } from '../migrate'
import { chunkEmbeddings, chunks, documents, documentVersions, workerHeartbeats } from '../schema'
import { startTestDatabase, type TestDatabase } from '../testing'
import { ensureEmbeddingIndex } from './embedding-index'
import {
  databaseSizeBytes,
  listFailedVersions,
  vectorIndexStatus,
  versionStatusCounts,
} from './system-status'
import {
  listWorkerHeartbeats,
  recordHeartbeat,
  recordReconcileRun,
  removeHeartbeat,
} from './worker-heartbeats'

let t: TestDatabase

beforeAll(async () => {
  t = await startTestDatabase()
})
afterAll(async () => {
  await t?.stop()
})

async function seedVersion(
  slug: string,
  status: 'ready' | 'failed',
  embeddings: { model: string; dims: number }[],
) {
  const [doc] = await t.db
    .insert(documents)
    .values({ slug, title: `Title of ${slug}`, sourceName: `${slug}.md` })
    .returning({ id: documents.id })
  const [version] = await t.db
    .insert(documentVersions)
    .values({
      documentId: doc?.id ?? '',
      versionNo: 1,
      sha256: slug,
      sizeBytes: 10,
      declaredMime: 'text/markdown',
      content: Buffer.from('# x'),
      status,
      stage: status,
      error: status === 'failed' ? 'The file is not UTF-8' : null,
      attempts: status === 'failed' ? 5 : 1,
    })
    .returning({ id: documentVersions.id })
  const [chunk] = await t.db
    .insert(chunks)
    .values({ versionId: version?.id ?? '', ordinal: 0, text: 'x', charStart: 0, charEnd: 1, tokenCount: 1 })
    .returning({ id: chunks.id })
  for (const { model, dims } of embeddings)
    await t.db.insert(chunkEmbeddings).values({
      chunkId: chunk?.id ?? '',
      model,
      dimensions: dims,
      embedding: Array.from({ length: dims }, (_, i) => (i === 0 ? 1 : 0)),
    })
  return { documentId: doc?.id ?? '', versionId: version?.id ?? '' }
}

describe('system status queries', () => {
  it('says whether every committed migration is applied', async () => {
    const status = await migrationStatus(t.db)
    expect(status.current).toBe(true)
    expect(status.applied).toBe(status.expected)
    // Pretend an upgrade brought a migration this database has not run.
    await t.db.execute(sql`
      delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`)
    expect(await migrationStatus(t.db)).toMatchObject({ current: false, applied: status.expected - 1 })
  })

  it('tracks worker heartbeats by the database clock and forgets workers gone for a day', async () => {
    const worker = { id: 'host:1:a', host: 'host', pid: 1, mode: 'queue', startedAt: new Date() }
    await recordHeartbeat(t.db, worker)
    await recordReconcileRun(t.db, worker.id, 3)
    let [row] = await listWorkerHeartbeats(t.db)
    expect(row).toMatchObject({ id: worker.id, alive: true, lastReconcileRequeued: 3 })
    expect(row?.lastReconcileAt).toBeInstanceOf(Date)

    await t.db
      .update(workerHeartbeats)
      .set({ lastSeenAt: sql`now() - interval '45 seconds'` })
      .where(eq(workerHeartbeats.id, worker.id))
    ;[row] = await listWorkerHeartbeats(t.db)
    expect(row?.alive).toBe(false)
    expect(row?.ageSeconds).toBeGreaterThanOrEqual(44)

    await t.db
      .update(workerHeartbeats)
      .set({ lastSeenAt: sql`now() - interval '2 days'` })
      .where(eq(workerHeartbeats.id, worker.id))
    const other = { ...worker, id: 'host:2:b', pid: 2 }
    await recordHeartbeat(t.db, other)
    expect((await listWorkerHeartbeats(t.db)).map((r) => r.id)).toEqual([other.id])
    await removeHeartbeat(t.db, other.id)
    expect(await listWorkerHeartbeats(t.db)).toEqual([])
  })

  it('reports each embedding model with its HNSW index, and failed versions with their error', async () => {
    await seedVersion('indexed', 'ready', [
      { model: 'model-a', dims: 3 },
      { model: "o'model", dims: 2 },
    ])
    const failed = await seedVersion('broken', 'failed', [{ model: 'model-a', dims: 3 }])
    await ensureEmbeddingIndex(t.db, 'model-a', 3)
    await ensureEmbeddingIndex(t.db, 'unused-model', 5)

    const status = await vectorIndexStatus(t.db)
    expect(status.find((s) => s.model === 'model-a')).toMatchObject({
      embeddings: 2,
      index: { dimensions: 3, valid: true },
    })
    expect(status.find((s) => s.model === 'model-a')?.index?.sizeBytes).toBeGreaterThan(0)
    expect(status.find((s) => s.model === "o'model")).toEqual({
      model: "o'model",
      embeddings: 1,
      index: null,
    })
    expect(status.find((s) => s.model === 'unused-model')).toMatchObject({
      embeddings: 0,
      index: { dimensions: 5 },
    })

    expect(await versionStatusCounts(t.db)).toEqual({ queued: 0, processing: 0, ready: 1, failed: 1 })
    expect(await listFailedVersions(t.db)).toEqual([
      expect.objectContaining({
        versionId: failed.versionId,
        title: 'Title of broken',
        error: 'The file is not UTF-8',
        attempts: 5,
      }),
    ])
    // A deleted document's failures are not actionable any more.
    await t.db.update(documents).set({ deletedAt: new Date() }).where(eq(documents.id, failed.documentId))
    expect(await listFailedVersions(t.db)).toEqual([])
    expect(await databaseSizeBytes(t.db)).toBeGreaterThan(1_000_000)
  })
})
