import { describe, expect, it } from 'vitest'
import { type PdfTextItem, pdfQuoteBoxes } from '@/lib/shared/documents/pdf-quote-boxes'

/** Text items as pdf.js reports them: one per run of text, 10 pt font, 5 units per character. */
const line = (str: string, x: number, y: number, hasEOL = true): PdfTextItem => ({
  str,
  transform: [10, 0, 0, 10, x, y],
  width: str.length * 5,
  height: 10,
  hasEOL,
})

const page = [
  line('Expenses and Travel Policy', 50, 700),
  line('Claims over EUR 2,500 need the', 50, 600),
  line('department head’s approval. Receipts', 50, 588),
  line('are always required.', 50, 576),
]

describe('pdfQuoteBoxes', () => {
  it('covers the quote across two lines, only the quoted share of each line', () => {
    const boxes = pdfQuoteBoxes(page, 'Claims over EUR 2,500 need the department head’s approval.')
    expect(boxes).toHaveLength(2)
    const [first, second] = boxes
    // The whole first line.
    expect(first).toEqual([50, 597.5, 50 + 30 * 5, 609.5])
    // The second line up to "approval" (26 characters), not "Receipts".
    expect(second?.[0]).toBe(50)
    expect(second?.[2]).toBe(50 + 'department head’s approval'.length * 5)
    expect(second?.[1]).toBe(585.5)
  })

  it('reads a word hyphenated across a line break as one word', () => {
    const hyphenated = [line('Receipts are al-', 50, 600), line('ways required.', 50, 588)]
    expect(pdfQuoteBoxes(hyphenated, 'Receipts are always required.')).toHaveLength(2)
  })

  it('finds a long quote by its opening words when its end differs (a footnote mark)', () => {
    const marked = [
      line('Receipts are required for every claim over fifty euros, see note 3 below.', 50, 600),
    ]
    const quote = 'Receipts are required for every claim over fifty euros, see note below.'
    const boxes = pdfQuoteBoxes(marked, quote)
    expect(boxes).toHaveLength(1)
    expect(boxes[0]?.[2]).toBe(50 + 'Receipts are required for every claim over fifty'.length * 5)
  })

  it('is empty when the quote is not on the page', () => {
    expect(pdfQuoteBoxes(page, 'Dogs are welcome in the office.')).toEqual([])
    expect(pdfQuoteBoxes([], 'anything')).toEqual([])
  })
})
