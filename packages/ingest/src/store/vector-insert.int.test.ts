import { ensureEmbeddingIndex, getVersion } from '@policydesk/db'
import { startTestDatabase, type TestDatabase, truncateAll } from '@policydesk/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DocumentChunk } from '../chunk/chunk-document'
import { submitDocumentVersion } from '../submit'
import { storeVersion } from './store-version'
import { decodeVectorBinary, encodeVectorBinary, insertEmbeddings } from './vector-insert'

const MODEL = 'test-model-384'
const DIMS = 384

let db: TestDatabase

/** Deterministic unit vectors with mixed signs and magnitudes from 1e-7 to ~1 (exercises float4 rounding). */
function testVector(seed: number): number[] {
  let state = seed * 2654435761
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0
    return state / 4294967296
  }
  const raw = Array.from({ length: DIMS }, (_, i) => (next() - 0.5) * (i % 7 === 0 ? 1e-6 : 1))
  const norm = Math.hypot(...raw)
  return raw.map((v) => v / norm)
}

function cosineDistance(a: number[], b: number[]): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    dot += x * y
    na += x * x
    nb += y * y
  }
  return 1 - dot / Math.sqrt(na * nb)
}

function chunk(ordinal: number): DocumentChunk {
  const text = `Section ${ordinal}: employees must book travel through the approved portal.`
  return {
    ordinal,
    headingPath: ['Travel Policy', `Rule ${ordinal}`],
    text,
    charStart: ordinal * 100,
    charEnd: ordinal * 100 + text.length,
    pageStart: null,
    pageEnd: null,
    tokenCount: 14,
  }
}

async function newVersion(name: string): Promise<string> {
  const submitted = await submitDocumentVersion(db.db, {
    sourceName: `${name}.md`,
    bytes: Buffer.from(`# ${name}`),
  })
  return submitted.versionId
}

beforeAll(async () => {
  db = await startTestDatabase()
})
afterAll(async () => {
  await db?.stop()
})
beforeEach(async () => {
  await truncateAll(db)
})

describe('binary vector encoding', () => {
  it('round-trips through encode/decode at float4 precision', () => {
    const vector = testVector(1)
    const decoded = decodeVectorBinary(encodeVectorBinary(vector))
    expect(decoded).toHaveLength(DIMS)
    expect(cosineDistance(vector, decoded)).toBeLessThan(1e-6)
  })
})

describe('insertEmbeddings (binary bind parameters)', () => {
  it('stores vectors the server reads back exactly enough (cosine distance < 1e-6)', async () => {
    const versionId = await newVersion('round-trip')
    const chunks = Array.from({ length: 700 }, (_, i) => chunk(i)) // > one insert batch
    const vectors = chunks.map((_, i) => testVector(i + 10))
    await storeVersion(db.db, {
      versionId,
      title: 'Vectors',
      chunks,
      vectors,
      model: MODEL,
      dimensions: DIMS,
      detectedMime: 'text/markdown',
    })

    const { rows } = await db.pool.query<{ ordinal: number; embedding: string; dims: number }>(
      `select c.ordinal, e.embedding::text as embedding, vector_dims(e.embedding) as dims
       from chunk_embeddings e join chunks c on c.id = e.chunk_id where c.version_id = $1 order by c.ordinal`,
      [versionId],
    )
    expect(rows).toHaveLength(700)
    let worst = 0
    for (const row of rows) {
      expect(row.dims).toBe(DIMS)
      const readBack = JSON.parse(row.embedding) as number[]
      worst = Math.max(worst, cosineDistance(vectors[row.ordinal] ?? [], readBack))
    }
    expect(worst).toBeLessThan(1e-6)

    // The server agrees: distance between the stored vector and the original sent as text.
    const probe = vectors[123] ?? []
    const { rows: server } = await db.pool.query<{ d: number }>(
      `select (e.embedding <=> $2::vector) as d from chunk_embeddings e join chunks c on c.id = e.chunk_id
       where c.version_id = $1 and c.ordinal = 123`,
      [versionId, `[${probe.join(',')}]`],
    )
    expect(server[0]?.d).toBeLessThan(1e-6)
  })

  it('is found through the partial HNSW index of its model', async () => {
    // A small table needs no extra build memory; the second call finds the index.
    expect(await ensureEmbeddingIndex(db.db, MODEL, DIMS)).toEqual({ created: true, buildMemory: null })
    expect(await ensureEmbeddingIndex(db.db, MODEL, DIMS)).toEqual({ created: false, buildMemory: null })
    const versionId = await newVersion('indexed')
    const chunks = Array.from({ length: 50 }, (_, i) => chunk(i))
    const vectors = chunks.map((_, i) => testVector(i + 1000))
    await storeVersion(db.db, {
      versionId,
      title: 'Vectors',
      chunks,
      vectors,
      model: MODEL,
      dimensions: DIMS,
      detectedMime: 'text/markdown',
    })
    const query = `[${(vectors[17] ?? []).join(',')}]`
    const { rows } = await db.pool.query<{ ordinal: number }>(
      `select c.ordinal from chunk_embeddings e join chunks c on c.id = e.chunk_id
       where e.model = '${MODEL}' order by e.embedding::vector(${DIMS}) <=> $1::vector(${DIMS}) limit 1`,
      [query],
    )
    expect(rows[0]?.ordinal).toBe(17)
  })

  it('keeps storeVersion atomic: a bad vector rolls back every chunk and leaves the version not ready', async () => {
    const versionId = await newVersion('atomic')
    const chunks = Array.from({ length: 600 }, (_, i) => chunk(i))
    const vectors = chunks.map((_, i) => testVector(i))
    vectors[550] = (vectors[550] ?? []).map((v, i) => (i === 3 ? Number.NaN : v)) // in the second batch
    // Another model name: no HNSW index to maintain, so the test stays fast.
    await expect(
      storeVersion(db.db, {
        versionId,
        title: 'Atomic',
        chunks,
        vectors,
        model: 'unindexed',
        dimensions: DIMS,
        detectedMime: 'text/markdown',
      }),
    ).rejects.toThrow()
    const { rows } = await db.pool.query<{ n: number }>(
      'select count(*)::int as n from chunks where version_id = $1',
      [versionId],
    )
    expect(rows[0]?.n).toBe(0)
    expect((await getVersion(db.db, versionId))?.status).toBe('queued')
  })

  it('rejects a vector of the wrong dimension before sending anything', async () => {
    await expect(
      insertEmbeddings(db.db, [{ chunkId: crypto.randomUUID(), vector: [1, 2, 3] }], MODEL, DIMS),
    ).rejects.toThrow(/3 dimensions, expected 384/)
  })
})
