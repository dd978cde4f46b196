import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { readPdfLimits } from '../env'
import { parseDocument } from './index'
import { defaultPdfLimits, type PdfLimits } from './pdf-limits'

async function pdfWithPages(pages: number, extraStreamBytes = 0): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const topics = [
    'Refunds take 14 days.',
    'Receipts are required.',
    'Managers approve claims.',
    'Cards are blocked.',
  ]
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842])
    page.drawText(`${topics[i % topics.length]} Section ${'ABCDEFGH'[i]}.`, { x: 56, y: 700, size: 11, font })
  }
  if (extraStreamBytes > 0) {
    // A Flate stream of zeros: kilobytes in the file, megabytes once inflated (how PDF bombs are built).
    const bomb = doc.context.flateStream(new Uint8Array(extraStreamBytes))
    doc.catalog.set(PDFName.of('PolicyDeskPadding'), doc.context.register(bomb))
  }
  return Buffer.from(await doc.save())
}

const parse = (bytes: Buffer, limits: Partial<PdfLimits>) =>
  parseDocument(bytes, { maxBytes: 50e6, fileName: 'x.pdf', pdf: { ...defaultPdfLimits, ...limits } })

describe('PDF resource limits', () => {
  it('rejects more pages than INGEST_PDF_MAX_PAGES, naming the limit', async () => {
    const bytes = await pdfWithPages(5)
    await expect(parse(bytes, { maxPages: 3 })).rejects.toThrow(
      'The PDF has 5 pages; the limit is 3 (INGEST_PDF_MAX_PAGES)',
    )
    await expect(parse(bytes, { maxPages: 5 })).resolves.toMatchObject({ pageCount: 5 })
  })

  it('rejects a file whose streams inflate past INGEST_PDF_MAX_DECOMPRESSED_MB before pdf.js reads it', async () => {
    const bytes = await pdfWithPages(1, 12 * 1024 * 1024)
    expect(bytes.length).toBeLessThan(100 * 1024)
    await expect(parse(bytes, { maxDecompressedBytes: 8 * 1024 * 1024 })).rejects.toThrow(
      'The PDF expands to more than 8 MB when decompressed (possible PDF bomb); the limit is 8 MB (INGEST_PDF_MAX_DECOMPRESSED_MB)',
    )
    await expect(parse(bytes, { maxDecompressedBytes: 16 * 1024 * 1024 })).resolves.toMatchObject({
      pageCount: 1,
    })
  })

  it('stops parsing after INGEST_PARSE_TIMEOUT_MS, naming the limit and where it stopped', async () => {
    const bytes = await pdfWithPages(3)
    // Opening the document alone takes longer than a millisecond, so the check before page 1 fires.
    await expect(parse(bytes, { timeoutMs: 1 })).rejects.toThrow(
      /^Parsing the PDF took longer than 0.001 s \(INGEST_PARSE_TIMEOUT_MS\); stopped at page 1 of 3$/,
    )
  })

  it('reads the limits from the environment, with defaults and validation', () => {
    expect(readPdfLimits({})).toEqual(defaultPdfLimits)
    expect(
      readPdfLimits({
        INGEST_PDF_MAX_PAGES: '10',
        INGEST_PDF_MAX_DECOMPRESSED_MB: '1.5',
        INGEST_PARSE_TIMEOUT_MS: '5000',
      }),
    ).toEqual({ maxPages: 10, maxDecompressedBytes: 1.5 * 1024 * 1024, timeoutMs: 5000 })
    expect(() => readPdfLimits({ INGEST_PDF_MAX_PAGES: '0' })).toThrow(/INGEST_PDF_MAX_PAGES/)
  })
})
