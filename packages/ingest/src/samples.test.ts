import { readFileSync } from 'node:fs'
import path from 'node:path'
import { findProjectRoot } from '@policydesk/runtime'
import { describe, expect, it } from 'vitest'
import { chunkDocument } from './chunk/chunk-document'
import { parseDocument } from './parse'

const policies = path.join(findProjectRoot(), 'samples/policies')

async function chunksOf(file: string) {
  const parsed = await parseDocument(readFileSync(path.join(policies, file)), {
    maxBytes: 50e6,
    fileName: file,
  })
  return { parsed, ...chunkDocument(parsed) }
}

describe('the demo corpus ingests with sensible chunks in every format', () => {
  it('Markdown: heading paths from the document outline', async () => {
    const { parsed, chunks } = await chunksOf('refund-policy.md')
    expect(parsed.mime).toBe('text/markdown')
    const enterprise = chunks.find((c) => c.text.includes('99.9% monthly uptime'))
    expect(enterprise?.headingPath.slice(0, 2)).toEqual(['Refund Policy', '4. Enterprise accounts'])
  })

  it('HTML: main text with headings; navigation and footer boilerplate dropped', async () => {
    const { parsed, chunks, text } = await chunksOf('benefits.html')
    expect(parsed.mime).toBe('text/html')
    expect(chunks.every((c) => c.headingPath.length > 0)).toBe(true)
    expect(text).not.toContain('Northwind Intranet')
    expect(text).not.toContain('IT Service Desk')
  })

  it('PDF: every chunk knows its pages, and later chunks sit on later pages', async () => {
    const { parsed, chunks } = await chunksOf('expenses-and-travel.pdf')
    expect(parsed.mime).toBe('application/pdf')
    expect(parsed.pageCount).toBeGreaterThanOrEqual(3)
    expect(chunks.every((c) => c.pageStart !== null && c.pageEnd !== null)).toBe(true)
    expect(chunks.at(-1)?.pageEnd).toBe(parsed.pageCount)
    expect(chunks.some((c) => c.headingPath.length > 0)).toBe(true)
  })

  it('DOCX: Word headings become the heading path', async () => {
    const { parsed, chunks } = await chunksOf('equipment-and-hardware.docx')
    expect(parsed.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(new Set(chunks.map((c) => c.headingPath[1])).size).toBeGreaterThan(2)
  })

  it('every chunk of every sample stays within the token budget', async () => {
    for (const file of [
      'pto-and-leave.md',
      'procurement.pdf',
      'performance-reviews.docx',
      'incident-response.html',
    ]) {
      const { chunks } = await chunksOf(file)
      expect(chunks.length).toBeGreaterThan(2)
      for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(400)
    }
  })
})
