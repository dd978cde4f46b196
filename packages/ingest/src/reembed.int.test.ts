import { seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HashingEmbeddings } from './embed/hashing-embeddings'
import type { EmbeddingProvider } from './embed/provider'
import { createEmbeddingProvider } from './embed/provider'
import { processVersion } from './process-version'
import { reembedMissing } from './reembed'
import { submitDocumentVersion } from './submit'

let db: TestDatabase

/** A second "model": different features, so its vectors really differ from the default one. */
const otherModel: EmbeddingProvider = {
  embeddings: new HashingEmbeddings({}, { word: 1, bigram: 0, trigram: 0.5 }),
  model: 'test-trigram-384',
  dimensions: 384,
}

beforeAll(async () => {
  db = await startTestDatabase()
  await seedDemoUsers(db.db)
  for (const [name, body] of [
    ['a.md', '# Parking\n\nParking spaces are allocated by seniority and renewed every January.'],
    ['b.md', '# Lunch\n\nLunch vouchers are worth EUR 9 per working day in Portugal.'],
  ] as const) {
    const s = await submitDocumentVersion(db.db, { sourceName: name, bytes: Buffer.from(body) })
    await processVersion({ db: db.db, embedder: createEmbeddingProvider(), maxBytes: 1e6 }, s.versionId)
  }
})
afterAll(async () => {
  await db?.stop()
})

describe('reembedMissing', () => {
  it('adds vectors for a new model without touching the old ones, and resumes idempotently', async () => {
    const before = await db.pool.query<{ model: string; n: number }>(
      'select model, count(*)::int n from chunk_embeddings group by model',
    )
    const progress: number[] = []
    const result = await reembedMissing(db.db, otherModel, {
      batchSize: 1,
      onProgress: (p) => progress.push(p.done),
    })
    expect(result.done).toBe(result.total)
    expect(result.total).toBeGreaterThan(0)
    expect(progress.at(-1)).toBe(result.total)
    const after = await db.pool.query<{ model: string; n: number }>(
      'select model, count(*)::int n from chunk_embeddings group by model order by model',
    )
    expect(after.rows).toEqual(
      [...before.rows, { model: 'test-trigram-384', n: result.total }].sort((a, b) =>
        a.model.localeCompare(b.model),
      ),
    )
    expect((await reembedMissing(db.db, otherModel)).total).toBe(0)
    const { rows } = await db.pool.query<{ indexname: string }>(
      `select indexname from pg_indexes where indexname like 'chunk_embeddings_hnsw_test_trigram%'`,
    )
    expect(rows).toHaveLength(1)
  })
})
