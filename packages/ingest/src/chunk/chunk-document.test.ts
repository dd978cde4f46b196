import { countTokens } from '@policydesk/text'
import { describe, expect, it } from 'vitest'
import type { Block, ParsedDocument } from '../parse/types'
import { chunkDocument } from './chunk-document'

const doc = (blocks: Block[]): ParsedDocument => ({ mime: 'text/markdown', blocks })
const sentence = (i: number) => `Sentence number ${i} explains a rule about expense approvals and receipts.`

describe('chunkDocument', () => {
  it('keeps heading paths and exact spans into the extracted text', () => {
    const { text, chunks } = chunkDocument(
      doc([
        { kind: 'heading', level: 1, text: 'Refund Policy' },
        { kind: 'heading', level: 2, text: 'Enterprise accounts' },
        {
          kind: 'paragraph',
          text: 'Enterprise customers may request a prorated refund within 30 days of renewal.',
        },
        { kind: 'heading', level: 2, text: 'Self-serve accounts' },
        {
          kind: 'paragraph',
          text: 'Self-serve plans are refundable within 14 days of the first payment only.',
        },
      ]),
      { maxTokens: 400, overlapTokens: 40, minTokens: 5 },
    )
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ['Refund Policy', 'Enterprise accounts'],
      ['Refund Policy', 'Self-serve accounts'],
    ])
    for (const chunk of chunks) expect(text.slice(chunk.charStart, chunk.charEnd)).toBe(chunk.text)
    expect(chunks[0]?.text).toContain('prorated refund within 30 days')
  })

  it('splits one giant paragraph at sentence boundaries with overlap, within budget', () => {
    const giant = Array.from({ length: 120 }, (_, i) => sentence(i)).join(' ')
    const { chunks } = chunkDocument(doc([{ kind: 'paragraph', text: giant }]), {
      maxTokens: 100,
      overlapTokens: 20,
      minTokens: 10,
    })
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(100)
      expect(chunk.text.startsWith('Sentence number')).toBe(true)
    }
    // The last sentence of a chunk is repeated at the start of the next one.
    const lastOfFirst = chunks[0]?.text.split('. ').at(-1) ?? ''
    expect(chunks[1]?.text.startsWith(lastOfFirst.replace(/\.$/, ''))).toBe(true)
  })

  it('splits a long table by rows, never inside a row', () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `| L${i} | EUR ${40_000 + i * 100} | EUR ${60_000 + i * 100} |`,
    )
    const table = ['| Level | Min | Max |', '| --- | --- | --- |', ...rows].join('\n')
    const { chunks } = chunkDocument(doc([{ kind: 'table', text: table }]), {
      maxTokens: 120,
      overlapTokens: 0,
      minTokens: 10,
    })
    expect(chunks.length).toBeGreaterThan(3)
    for (const chunk of chunks) {
      for (const line of chunk.text.split('\n')) expect(line).toMatch(/^\|.*\|$/)
    }
  })

  it('merges tiny fragments into a neighbour and handles documents with no headings', () => {
    const { chunks } = chunkDocument(
      doc([
        { kind: 'paragraph', text: 'Short note.' },
        { kind: 'paragraph', text: 'Another short note about badges.' },
        { kind: 'list', text: '- Item one\n- Item two' },
      ]),
    )
    expect(chunks).toHaveLength(1)
    expect(chunks[0]?.headingPath).toEqual([])
    expect(chunks[0]?.text).toContain('Item two')
  })

  it('merges a tiny subsection into its sibling under the shared parent', () => {
    const { chunks } = chunkDocument(
      doc([
        { kind: 'heading', level: 1, text: 'Travel' },
        { kind: 'heading', level: 2, text: 'Flights' },
        { kind: 'paragraph', text: 'Economy class for flights under six hours.' },
        { kind: 'heading', level: 2, text: 'Trains' },
        { kind: 'paragraph', text: 'Second class.' },
      ]),
    )
    expect(chunks).toHaveLength(1)
    expect(chunks[0]?.headingPath).toEqual(['Travel'])
    expect(chunks[0]?.text).toContain('Trains')
  })

  it('keeps page numbers per chunk', () => {
    const { chunks } = chunkDocument(
      doc([
        { kind: 'paragraph', text: Array.from({ length: 30 }, (_, i) => sentence(i)).join(' '), page: 1 },
        {
          kind: 'paragraph',
          text: Array.from({ length: 30 }, (_, i) => sentence(i + 30)).join(' '),
          page: 2,
        },
      ]),
      { maxTokens: 200, overlapTokens: 0, minTokens: 10 },
    )
    expect(chunks[0]?.pageStart).toBe(1)
    expect(chunks.at(-1)?.pageEnd).toBe(2)
  })

  it('handles non-Latin text', () => {
    const greek = 'Οι εργαζόμενοι δικαιούνται είκοσι πέντε ημέρες άδειας. '.repeat(40)
    const japanese = '従業員は年間二十五日の有給休暇を取得できます。'.repeat(40)
    const { chunks } = chunkDocument(
      doc([
        { kind: 'paragraph', text: greek },
        { kind: 'paragraph', text: japanese },
      ]),
      { maxTokens: 150, overlapTokens: 10, minTokens: 10 },
    )
    expect(chunks.length).toBeGreaterThan(2)
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(150)
    expect(chunks.map((c) => c.text).join('')).toContain('有給休暇')
  })
})

describe('tables split across chunks', () => {
  it('give every later chunk the header row as context, never as text', () => {
    const header = '| Level | Lisbon (EUR) | Berlin (EUR) |'
    const rows = Array.from({ length: 40 }, (_, i) => `| L${i} Engineer | ${40 + i},000 | ${60 + i},000 |`)
    const table = [header, '| --- | --- | --- |', ...rows].join('\n')
    const doc: ParsedDocument = {
      mime: 'text/markdown',
      blocks: [
        { kind: 'heading', level: 1, text: 'Salary bands' },
        { kind: 'table', text: table },
      ],
    }
    const { chunks } = chunkDocument(doc, { maxTokens: 120, overlapTokens: 0, minTokens: 10 })
    expect(chunks.length).toBeGreaterThan(2)
    expect(chunks[0]?.text).toContain(header)
    expect(chunks[0]?.context ?? []).toEqual([])
    for (const later of chunks.slice(1)) {
      expect(later.text).not.toContain('Lisbon')
      expect(later.context).toEqual([header])
    }
  })
})
