import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generatePolicyCorpus } from './policy-corpus'
import { RetrievalCorpus, userNearest } from './retrieval-corpus'

const digest = (files: { name: string; bytes: Buffer }[]) => {
  const hash = createHash('sha256')
  for (const f of files) hash.update(f.name).update(f.bytes)
  return hash.digest('hex')
}

describe('generatePolicyCorpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generatePolicyCorpus({ docs: 40, seed: 42 })
    const b = generatePolicyCorpus({ docs: 40, seed: 42 })
    const c = generatePolicyCorpus({ docs: 40, seed: 43 })
    expect(digest(a)).toBe(digest(b))
    expect(digest(a)).not.toBe(digest(c))
    // A longer corpus starts with the same documents: sizes can be compared run to run.
    expect(digest(generatePolicyCorpus({ docs: 60, seed: 42 }).slice(0, 40))).toBe(digest(a))
  })

  it('produces policy-shaped Markdown and HTML with headings, lists and tables', () => {
    const files = generatePolicyCorpus({ docs: 60, seed: 1 })
    expect(new Set(files.map((f) => f.name)).size).toBe(60)
    const md = files.filter((f) => f.format === 'md').map((f) => f.bytes.toString('utf8'))
    const html = files.filter((f) => f.format === 'html').map((f) => f.bytes.toString('utf8'))
    expect(md.length).toBeGreaterThan(20)
    expect(html.length).toBeGreaterThan(5)
    for (const text of md) {
      expect(text).toMatch(/^# .+ Policy/)
      expect(text).toMatch(/^## \d+\. /m)
      expect(text).toMatch(/^- Owner: /m)
    }
    for (const text of html) {
      expect(text).toContain('<h1>')
      expect(text).toContain('<nav')
      expect(text).toMatch(/<h2>\d+\. /)
    }
    expect(md.some((t) => t.includes('| --- |'))).toBe(true)
    expect(md.some((t) => /^1\. /m.test(t))).toBe(true)
    expect(html.some((t) => t.includes('<table>') && t.includes('<th>'))).toBe(true)
    const sizes = files.map((f) => f.bytes.length).sort((x, y) => x - y)
    expect(sizes[0]).toBeGreaterThan(1_500)
    expect(sizes.at(-1)).toBeGreaterThan(15_000) // some long handbooks
  })
})

describe('RetrievalCorpus', () => {
  it('is deterministic, clustered and unit-normalised', () => {
    const a = new RetrievalCorpus(2_000, 7)
    const b = new RetrievalCorpus(2_000, 7)
    expect(a.documents).toEqual(b.documents)
    const va = a.chunkVectors(0)
    const vb = b.chunkVectors(0)
    expect(Array.from(va[0] ?? [])).toEqual(Array.from(vb[0] ?? []))
    expect(a.documents.reduce((n, d) => n + d.chunks, 0)).toBe(2_000)
    const norm = Math.hypot(...Array.from(va[0] ?? []))
    expect(norm).toBeCloseTo(1, 5)
    // Chunks of the same document are much closer than chunks of another topic.
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0)
    const sameDoc = dot(va[0] ?? new Float32Array(), va[1] ?? new Float32Array())
    const otherTopic = a.documents.findIndex((d) => d.topic !== a.documents[0]?.topic)
    const other = dot(va[0] ?? new Float32Array(), a.chunkVectors(otherTopic)[0] ?? new Float32Array())
    expect(sameDoc).toBeGreaterThan(0.4)
    expect(Math.abs(other)).toBeLessThan(0.25)
  })

  it('finds users who can read about a quarter and about a twentieth of the documents', () => {
    const corpus = new RetrievalCorpus(10_000, 7)
    const users = corpus.users(500)
    const docs = corpus.documents.length
    const quarter = userNearest(users, docs, 0.25)
    const twentieth = userNearest(users, docs, 0.05)
    expect(Math.abs(quarter.readableDocuments / docs - 0.25)).toBeLessThan(0.03)
    expect(Math.abs(twentieth.readableDocuments / docs - 0.05)).toBeLessThan(0.02)
    for (const d of corpus.documents) expect(d.groups.length).toBeGreaterThanOrEqual(1)
  })
})
