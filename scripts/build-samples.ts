/**
 * Builds the PDF and DOCX documents of the demo corpus from Markdown sources.
 *
 *   npx tsx scripts/build-samples.ts
 *
 * Rule (by file name, no front matter):
 *   samples/sources/<doc-id>.pdf.md  -> samples/policies/<doc-id>.pdf
 *   samples/sources/<doc-id>.docx.md -> samples/policies/<doc-id>.docx
 *
 * Supported Markdown subset: `#`, `##`, `###` headings, paragraphs, `- ` bullet lists,
 * `1. ` numbered lists, pipe tables (header row + `---` separator) and `**bold**`.
 * Output is deterministic: fixed metadata dates, fixed zip timestamps for DOCX.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SOURCES_DIR = path.join(ROOT, 'samples', 'sources')
const OUT_DIR = path.join(ROOT, 'samples', 'policies')
const FIXED_DATE = new Date('2026-01-01T00:00:00Z')
const AUTHOR = 'Northwind Analytics'
const TOOL = 'Policy Desk sample generator'

type Format = 'pdf' | 'docx'
type Span = { text: string; bold: boolean }
type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }

// ---------------------------------------------------------------------------
// Markdown subset parser

const HEADING_RE = /^(#{1,3})\s+(.+)$/
const BULLET_RE = /^[-*]\s+(.+)$/
const NUMBERED_RE = /^\d+\.\s+(.+)$/
const TABLE_SEPARATOR_RE = /^\|?[\s:|-]+\|?$/

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim())
}

function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') })
    paragraph = []
  }
  let i = 0
  while (i < lines.length) {
    const line = (lines[i] ?? '').trim()
    const heading = HEADING_RE.exec(line)
    if (line === '') {
      flush()
      i++
    } else if (heading?.[1] && heading[2]) {
      flush()
      blocks.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3, text: heading[2].trim() })
      i++
    } else if (line.startsWith('|')) {
      flush()
      const rows: string[][] = []
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        const row = (lines[i] ?? '').trim()
        if (!TABLE_SEPARATOR_RE.test(row)) rows.push(splitRow(row))
        i++
      }
      const [header = [], ...body] = rows
      blocks.push({ kind: 'table', header, rows: body })
    } else if (BULLET_RE.test(line) || NUMBERED_RE.test(line)) {
      flush()
      const ordered = NUMBERED_RE.test(line)
      const itemRe = ordered ? NUMBERED_RE : BULLET_RE
      const items: string[] = []
      while (i < lines.length) {
        const current = lines[i] ?? ''
        const match = itemRe.exec(current.trim())
        if (match?.[1]) items.push(match[1].trim())
        else if (/^\s+\S/.test(current) && items.length > 0) items[items.length - 1] += ` ${current.trim()}`
        else break
        i++
      }
      blocks.push({ kind: 'list', ordered, items })
    } else {
      paragraph.push(line)
      i++
    }
  }
  flush()
  return blocks
}

function parseInline(text: string): Span[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('**') && part.endsWith('**')
        ? { text: part.slice(2, -2), bold: true }
        : { text: part, bold: false },
    )
}

function plain(text: string): string {
  return parseInline(text)
    .map((span) => span.text)
    .join('')
}

// ---------------------------------------------------------------------------
// PDF

// Standard 14 fonts only encode WinAnsi: map the usual typographic characters to ASCII.
const WIN_ANSI_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2192': '->',
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN_X = 56
const TOP = A4[1] - 64
const BOTTOM = 72
const BODY_SIZE = 10.5
const TABLE_SIZE = 9.5
const LEADING = 1.45
const LIST_INDENT = 8
const HEADING_STYLE = {
  1: { size: 20, before: 0, after: 12 },
  2: { size: 14, before: 14, after: 6 },
  3: { size: 12, before: 10, after: 4 },
} as const

type Word = { text: string; font: PDFFont }

async function buildPdf(blocks: Block[], title: string, sourceName: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const supported = new Set(regular.getCharacterSet())

  const sanitize = (text: string): string => {
    const mapped = [...text].map((ch) => WIN_ANSI_MAP[ch] ?? ch).join('')
    for (const ch of mapped) {
      const code = ch.codePointAt(0) ?? 0
      if (!supported.has(code)) {
        throw new Error(
          `${sourceName}: character "${ch}" (U+${code.toString(16)}) cannot be encoded in WinAnsi`,
        )
      }
    }
    return mapped
  }

  let page: PDFPage = pdf.addPage(A4)
  let y = TOP
  const contentWidth = A4[0] - 2 * MARGIN_X

  const newPage = () => {
    page = pdf.addPage(A4)
    y = TOP
  }
  const ensureSpace = (height: number) => {
    if (y - height < BOTTOM) newPage()
  }

  const toWords = (text: string, forceBold = false): Word[] =>
    parseInline(sanitize(text)).flatMap((span) =>
      span.text
        .split(/\s+/)
        .filter((w) => w !== '')
        .map((w) => ({ text: w, font: span.bold || forceBold ? bold : regular })),
    )

  const wrap = (words: Word[], size: number, width: number): Word[][] => {
    const lines: Word[][] = []
    let line: Word[] = []
    let lineWidth = 0
    const space = regular.widthOfTextAtSize(' ', size)
    for (const word of words) {
      const w = word.font.widthOfTextAtSize(word.text, size)
      const next = line.length === 0 ? w : lineWidth + space + w
      if (next > width && line.length > 0) {
        lines.push(line)
        line = [word]
        lineWidth = w
      } else {
        line.push(word)
        lineWidth = next
      }
    }
    if (line.length > 0) lines.push(line)
    return lines
  }

  // Draws runs of same-font words as single text objects so extracted text keeps its spaces.
  const drawLine = (line: Word[], x: number, size: number) => {
    let cursor = x
    let run: Word[] = []
    const space = regular.widthOfTextAtSize(' ', size)
    const flushRun = () => {
      const first = run[0]
      if (!first) return
      const text = run.map((w) => w.text).join(' ')
      page.drawText(text, { x: cursor, y, size, font: first.font, color: rgb(0.1, 0.1, 0.1) })
      cursor += first.font.widthOfTextAtSize(text, size) + space
      run = []
    }
    for (const word of line) {
      if (run[0] && run[0].font !== word.font) flushRun()
      run.push(word)
    }
    flushRun()
  }

  // A list marker sits one space before the text; continuation lines hang at the text's x.
  const drawWrapped = (words: Word[], size: number, x: number, width: number, marker?: string, hang = 0) => {
    const lineHeight = size * LEADING
    const lines = wrap(words, size, width - hang)
    lines.forEach((line, index) => {
      ensureSpace(lineHeight)
      y -= lineHeight
      if (index === 0 && marker) {
        const markerX = x - regular.widthOfTextAtSize(`${marker} `, size)
        page.drawText(marker, { x: markerX, y, size, font: regular, color: rgb(0.1, 0.1, 0.1) })
      }
      drawLine(line, index === 0 ? x : x + hang, size)
    })
  }

  const rule = (thickness: number) => {
    page.drawLine({
      start: { x: MARGIN_X, y },
      end: { x: A4[0] - MARGIN_X, y },
      thickness,
      color: rgb(0.6, 0.6, 0.6),
    })
  }

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const style = HEADING_STYLE[block.level]
      // Keep a heading together with at least three lines of what follows.
      ensureSpace(style.before + style.size * LEADING + 3 * BODY_SIZE * LEADING)
      if (y !== TOP) y -= style.before
      drawWrapped(toWords(block.text, true), style.size, MARGIN_X, contentWidth)
      if (block.level === 1) {
        y -= 6
        rule(1)
      }
      y -= style.after
    } else if (block.kind === 'paragraph') {
      drawWrapped(toWords(block.text), BODY_SIZE, MARGIN_X, contentWidth)
      y -= 6
    } else if (block.kind === 'list') {
      const markers = block.items.map((_, index) => (block.ordered ? `${index + 1}.` : '-'))
      const indent =
        LIST_INDENT + Math.max(...markers.map((m) => regular.widthOfTextAtSize(`${m} `, BODY_SIZE)))
      block.items.forEach((item, index) => {
        drawWrapped(toWords(item), BODY_SIZE, MARGIN_X + indent, contentWidth - indent, markers[index])
        y -= 3
      })
      y -= 4
    } else {
      ensureSpace(3 * TABLE_SIZE * LEADING)
      y -= 4
      rule(0.8)
      drawWrapped(toWords(block.header.join(' | '), true), TABLE_SIZE, MARGIN_X, contentWidth)
      y -= 4
      rule(0.5)
      for (const row of block.rows) {
        drawWrapped(toWords(row.join(' | ')), TABLE_SIZE, MARGIN_X, contentWidth, undefined, 12)
        y -= 3
      }
      y -= 2
      rule(0.8)
      y -= 10
    }
  }

  const pages = pdf.getPages()
  pages.forEach((p, index) => {
    const footer = sanitize(`Northwind Analytics - ${title} - Page ${index + 1} of ${pages.length}`)
    const width = regular.widthOfTextAtSize(footer, 8.5)
    p.drawText(footer, { x: (A4[0] - width) / 2, y: 36, size: 8.5, font: regular, color: rgb(0.4, 0.4, 0.4) })
  })

  pdf.setTitle(sanitize(title))
  pdf.setAuthor(AUTHOR)
  pdf.setSubject(sanitize(`${title} (Northwind Analytics demo corpus)`))
  pdf.setCreator(TOOL)
  pdf.setProducer(`${TOOL} (pdf-lib)`)
  pdf.setLanguage('en-GB')
  pdf.setCreationDate(FIXED_DATE)
  pdf.setModificationDate(FIXED_DATE)
  return pdf.save()
}

// ---------------------------------------------------------------------------
// DOCX

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const

const NUMBERED_REF = 'numbered-list'

const runs = (text: string, forceBold = false): TextRun[] =>
  parseInline(text).map((span) => new TextRun({ text: span.text, bold: span.bold || forceBold }))

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function coreXml(title: string): string {
  const date = FIXED_DATE.toISOString().replace('.000Z', 'Z')
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:creator>${AUTHOR}</dc:creator>`,
    `<cp:lastModifiedBy>${TOOL}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('')
}

// docx zips with the current time as each entry's mtime: rewrite the DOS date/time fields
// of every central directory entry and its local header to FIXED_DATE.
function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const dosTime = 0
  const dosDate =
    ((FIXED_DATE.getUTCFullYear() - 1980) << 9) |
    ((FIXED_DATE.getUTCMonth() + 1) << 5) |
    FIXED_DATE.getUTCDate()
  let eocd = -1
  for (let i = zip.byteLength - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('DOCX zip: end of central directory not found')
  const entries = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error('DOCX zip: bad central directory entry')
    view.setUint16(offset + 12, dosTime, true)
    view.setUint16(offset + 14, dosDate, true)
    const local = view.getUint32(offset + 42, true)
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('DOCX zip: bad local file header')
    view.setUint16(local + 10, dosTime, true)
    view.setUint16(local + 12, dosDate, true)
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true)
  }
  return zip
}

async function buildDocx(blocks: Block[], title: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = []
  let listInstance = 0
  for (const block of blocks) {
    if (block.kind === 'heading') {
      children.push(new Paragraph({ heading: HEADING_LEVELS[block.level], children: runs(block.text) }))
    } else if (block.kind === 'paragraph') {
      children.push(new Paragraph({ children: runs(block.text), spacing: { after: 120 } }))
    } else if (block.kind === 'list') {
      listInstance++
      for (const item of block.items) {
        children.push(
          block.ordered
            ? new Paragraph({
                children: runs(item),
                numbering: { reference: NUMBERED_REF, level: 0, instance: listInstance },
              })
            : new Paragraph({ children: runs(item), bullet: { level: 0 } }),
        )
      }
    } else {
      const row = (cells: string[], header: boolean) =>
        new TableRow({
          // Only mark real header rows: an explicit `false` still makes readers treat the row as a header.
          ...(header ? { tableHeader: true } : {}),
          children: cells.map(
            (cell) => new TableCell({ children: [new Paragraph({ children: runs(cell, header) })] }),
          ),
        })
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
        }),
      )
      children.push(new Paragraph({ children: [] }))
    }
  }

  const doc = new Document({
    creator: AUTHOR,
    title,
    description: `${title} (Northwind Analytics demo corpus)`,
    lastModifiedBy: TOOL,
    revision: 1,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED_REF,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    children: [
                      `Northwind Analytics - ${title} - Page `,
                      PageNumber.CURRENT,
                      ' of ',
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(title) }])
  return fixZipTimestamps(new Uint8Array(buffer))
}

// ---------------------------------------------------------------------------

function targetOf(fileName: string): { id: string; format: Format } | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(pdf|docx)\.md$/.exec(fileName)
  if (!match?.[1] || !match[2]) return undefined
  return { id: match[1], format: match[2] as Format }
}

async function main() {
  const files = (await readdir(SOURCES_DIR)).filter((f) => f.endsWith('.md')).sort()
  let written = 0
  for (const file of files) {
    const target = targetOf(file)
    if (!target) {
      console.warn(`skipped samples/sources/${file} (expected <doc-id>.pdf.md or <doc-id>.docx.md)`)
      continue
    }
    const blocks = parseMarkdown(await readFile(path.join(SOURCES_DIR, file), 'utf8'))
    const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1)
    const title = h1 && h1.kind === 'heading' ? plain(h1.text) : target.id
    const bytes =
      target.format === 'pdf' ? await buildPdf(blocks, title, file) : await buildDocx(blocks, title)
    const outName = `${target.id}.${target.format}`
    await writeFile(path.join(OUT_DIR, outName), bytes)
    const pages = target.format === 'pdf' ? `, ${(await PDFDocument.load(bytes)).getPageCount()} pages` : ''
    console.log(`wrote samples/policies/${outName} (${bytes.byteLength} bytes${pages})`)
    written++
  }
  console.log(`${written} file(s) written`)
}

await main()
