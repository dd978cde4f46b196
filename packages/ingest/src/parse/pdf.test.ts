import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { syntheticPdf } from '../testing/synthetic-pdf'
import { parseDocument } from './index'
import { parsePdf } from './pdf'
import { IngestRejection } from './types'

type Fonts = { regular: PDFFont; bold: PDFFont }

/** Builds a PDF with pdf-lib; `draw` gets one page per entry. */
async function makePdf(
  pages: ((page: PDFPage, fonts: Fonts, pageNumber: number) => void)[],
  title?: string,
): Promise<Buffer> {
  const doc = await PDFDocument.create()
  if (title) doc.setTitle(title)
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  }
  pages.forEach((draw, index) => {
    draw(doc.addPage([595, 842]), fonts, index + 1)
  })
  return Buffer.from(await doc.save())
}

/** Writes lines top-down with single spacing (1.3 × size) starting at y. */
function writeLines(page: PDFPage, font: PDFFont, size: number, y: number, lines: string[]): number {
  let cursor = y
  for (const line of lines) {
    page.drawText(line, { x: 56, y: cursor, size, font })
    cursor -= size * 1.3
  }
  return cursor
}

const policyPdf = () =>
  makePdf([
    (page, { regular, bold }) => {
      page.drawText('Leave Policy', { x: 56, y: 770, size: 22, font: bold })
      page.drawText('1. Scope', { x: 56, y: 730, size: 15, font: bold })
      let y = writeLines(page, regular, 11, 705, [
        'This policy applies to all employees of Acme Ltd and',
        'describes how annual leave is requested and approved.',
      ])
      y = writeLines(page, regular, 11, y - 12, ['Managers approve requests within five working days.'])
      writeLines(page, regular, 11, 90, ['The last paragraph of page one ends with policy'])
    },
    (page, { regular, bold }) => {
      page.drawText('2. Parental leave', { x: 56, y: 770, size: 15, font: bold })
      writeLines(page, regular, 11, 745, ['Holidays are separate. Parental leave is 16 weeks at full pay.'])
    },
  ])

describe('parsePdf', () => {
  it('lets timers run while it reads a long PDF (the worker keeps renewing its job lock)', async () => {
    // Uncompressed text pages: pdf.js reads them through microtasks only, which never let a timer run.
    const bytes = syntheticPdf(60)
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    try {
      const parsed = await parsePdf(bytes)
      // Read right after the await: a parse that never yielded would leave `ticks` at 0 or 1 here.
      expect(ticks).toBeGreaterThanOrEqual(20)
      expect(parsed.pageCount).toBe(60)
    } finally {
      clearInterval(timer)
    }
  })

  it('keeps page numbers, rebuilds paragraphs and finds headings by font size', async () => {
    const parsed = await parsePdf(await policyPdf())
    expect(parsed.pageCount).toBe(2)
    expect(parsed.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Leave Policy', page: 1 },
      { kind: 'heading', level: 2, text: '1. Scope', page: 1 },
      {
        kind: 'paragraph',
        text: 'This policy applies to all employees of Acme Ltd and describes how annual leave is requested and approved.',
        page: 1,
      },
      { kind: 'paragraph', text: 'Managers approve requests within five working days.', page: 1 },
      { kind: 'paragraph', text: 'The last paragraph of page one ends with policy', page: 1 },
      { kind: 'heading', level: 2, text: '2. Parental leave', page: 2 },
      { kind: 'paragraph', text: 'Holidays are separate. Parental leave is 16 weeks at full pay.', page: 2 },
    ])
    expect(parsed.title).toBe('Leave Policy')
  })

  it('never glues the last word of a page to the first word of the next', async () => {
    const parsed = await parsePdf(await policyPdf())
    const lastOfPageOne = parsed.blocks.filter((b) => b.page === 1).at(-1)
    expect(lastOfPageOne?.text).toMatch(/ends with policy$/)
    expect(parsed.blocks.filter((b) => b.text.includes('policy') && b.text.includes('Parental'))).toEqual([])
    expect(parsed.blocks.find((b) => b.text.includes('16 weeks'))?.page).toBe(2)
  })

  it('re-inserts spaces between separately drawn words but not inside split words', async () => {
    const pdf = await makePdf([
      (page, { regular }) => {
        const size = 11
        const first = 'Annual'
        page.drawText(first, { x: 56, y: 700, size, font: regular })
        const after = 56 + regular.widthOfTextAtSize(first, size)
        page.drawText('leave', { x: after + 3, y: 700, size, font: regular })
        page.drawText('Rei', { x: 56, y: 686, size, font: regular })
        page.drawText('mbursement', {
          x: 56 + regular.widthOfTextAtSize('Rei', size),
          y: 686,
          size,
          font: regular,
        })
      },
    ])
    const parsed = await parsePdf(pdf)
    expect(parsed.blocks.map((b) => b.text)).toEqual(['Annual leave Reimbursement'])
  })

  it('turns bullet lines into a list block', async () => {
    const pdf = await makePdf([
      (page, { regular }) => {
        writeLines(page, regular, 11, 700, ['You must:'])
        writeLines(page, regular, 11, 670, ['• book through the portal', '• keep receipts'])
      },
    ])
    const parsed = await parsePdf(pdf)
    expect(parsed.blocks).toEqual([
      { kind: 'paragraph', text: 'You must:', page: 1 },
      { kind: 'list', text: '- book through the portal\n- keep receipts', page: 1 },
    ])
  })

  it('turns text set in columns into a pipe table, joining wrapped cell lines', async () => {
    const pdf = await makePdf([
      (page, { regular, bold }) => {
        const row = (y: number, font: PDFFont, cells: string[]) => {
          cells.forEach((cell, i) => {
            page.drawText(cell, { x: 56 + i * 160, y, size: 10, font })
          })
        }
        row(700, bold, ['City', 'Limit per night'])
        row(684, regular, ['Lisbon', 'EUR 150'])
        row(668, regular, ['New York', 'USD 320 including'])
        page.drawText('taxes', { x: 216, y: 656, size: 10, font: regular })
        writeLines(page, regular, 10, 620, ['Hotels above the limit need approval.'])
      },
    ])
    const parsed = await parsePdf(pdf)
    expect(parsed.blocks).toEqual([
      {
        kind: 'table',
        text: '| City | Limit per night |\n| --- | --- |\n| Lisbon | EUR 150 |\n| New York | USD 320 including taxes |',
        page: 1,
      },
      { kind: 'paragraph', text: 'Hotels above the limit need approval.', page: 1 },
    ])
  })

  it('treats a long run of large text as a paragraph, not a heading', async () => {
    const pdf = await makePdf([
      (page, { regular }) => {
        writeLines(page, regular, 14, 760, [
          'A lead paragraph set in',
          'a larger font that runs',
          'over more lines than',
          'any heading would',
        ])
        writeLines(page, regular, 10, 680, [
          'Body text follows here in',
          'the usual size and is the',
          'most common size.',
        ])
      },
    ])
    const parsed = await parsePdf(pdf)
    expect(parsed.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph'])
    expect(parsed.blocks[0]?.text).toBe(
      'A lead paragraph set in a larger font that runs over more lines than any heading would',
    )
  })

  it('drops running footers and page numbers', async () => {
    const page =
      (text: string) =>
      (p: PDFPage, { regular }: Fonts, n: number) => {
        writeLines(p, regular, 11, 700, [text])
        p.drawText(`Acme Ltd - Confidential - Page ${n} of 3`, { x: 56, y: 40, size: 8, font: regular })
      }
    const parsed = await parsePdf(
      await makePdf([page('Alpha text.'), page('Beta text.'), page('Gamma text.')]),
    )
    expect(parsed.blocks.map((b) => b.text)).toEqual(['Alpha text.', 'Beta text.', 'Gamma text.'])
  })

  it('uses the Info title when the PDF has one', async () => {
    const pdf = await makePdf(
      [(page, { regular }) => writeLines(page, regular, 11, 700, ['Body.'])],
      'Expense Policy',
    )
    expect((await parsePdf(pdf)).title).toBe('Expense Policy')
  })

  it('rejects a PDF whose pages have no text layer', async () => {
    const scan = (page: PDFPage, { regular }: Fonts, n: number) => {
      page.drawRectangle({ x: 50, y: 80, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) })
      page.drawText(`Page ${n} of 3`, { x: 280, y: 40, size: 8, font: regular })
    }
    // Only a stamped page number, dropped as a running footer: still nothing to index.
    const scanned = await makePdf([scan, scan, scan])
    await expect(parsePdf(scanned)).rejects.toThrow(
      new IngestRejection('The PDF has no text layer (it looks scanned); OCR is not supported yet'),
    )
  })

  it('rejects an encrypted PDF (pdf.js PasswordException)', async () => {
    // pdf-lib cannot encrypt, so this is a hand-made PDF whose trailer points at a Standard security
    // handler. pdf.js tries the empty user password, fails the check, and asks for a password.
    const encrypted = Buffer.from(
      [
        '%PDF-1.4',
        '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
        `4 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${'a1'.repeat(32)}> /U <${'b2'.repeat(32)}> >> endobj`,
        `trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<${'c3'.repeat(16)}> <${'c3'.repeat(16)}>] >>`,
        '%%EOF',
      ].join('\n'),
    )
    await expect(parsePdf(encrypted)).rejects.toThrow(/^The PDF is encrypted/)
  })

  it('rejects a truncated PDF as corrupt', async () => {
    const truncated = (await policyPdf()).subarray(0, 200)
    await expect(parsePdf(truncated)).rejects.toThrow(/^The PDF could not be read \(corrupt or truncated\): /)
    await expect(parsePdf(truncated)).rejects.toBeInstanceOf(IngestRejection)
  })

  it('is reached through parseDocument by content, whatever the name', async () => {
    const parsed = await parseDocument(await policyPdf(), { fileName: 'policy.txt', maxBytes: 10_000_000 })
    expect(parsed.mime).toBe('application/pdf')
    expect(parsed.pageCount).toBe(2)
    expect(parsed.blocks.some((b) => b.kind === 'heading' && b.text === '1. Scope')).toBe(true)
  })
})
