import { BULLET_PATTERN, joinWrappedLines, NUMBERED_ITEM_PATTERN } from './lines'
import { COLUMN_SEPARATOR, type PdfLine } from './pdf-lines'
import type { Block } from './types'

/**
 * Lines of every page → blocks. A PDF has no paragraphs or headings, only positioned text, so:
 * - running headers/footers and page numbers are dropped (they would repeat in every chunk);
 * - a heading is a short line set larger than the body text (the most common size); each distinct
 *   heading size is a level, largest first (bold is not visible: pdf.js text content has no font weight);
 * - text in columns (wide gaps on one baseline, or literal " | ") becomes a pipe table;
 * - a paragraph ends where the vertical gap between lines is clearly larger than the usual line gap;
 * - blocks never span pages, so every block has its page and no word is glued across a page break.
 */

// Word's Heading 3 is 12 pt over 11 pt body text (×1.09); sizes are rounded to half points.
const HEADING_SIZE_RATIO = 1.08
const MAX_HEADING_LENGTH = 150

export function layoutPages(pages: PdfLine[][]): Block[] {
  const cleaned = dropRunningLines(pages)
  const bodySize = dominantSize(cleaned.flat())
  const levels = headingLevels(cleaned.flat(), bodySize)
  return cleaned.flatMap((lines, index) => pageBlocks(lines, index + 1, bodySize, levels))
}

function isHeadingLine(line: PdfLine, bodySize: number): boolean {
  return (
    line.size >= bodySize * HEADING_SIZE_RATIO &&
    line.text.length <= MAX_HEADING_LENGTH &&
    /\p{L}/u.test(line.text) &&
    !/[.,;]$/.test(line.text)
  )
}

/** The size covering the most characters is the body text size. */
function dominantSize(lines: PdfLine[]): number {
  const chars = new Map<number, number>()
  for (const line of lines) chars.set(line.size, (chars.get(line.size) ?? 0) + line.text.length)
  let size = 0
  let best = -1
  for (const [candidate, count] of chars) {
    if (count > best) {
      best = count
      size = candidate
    }
  }
  return size
}

function headingLevels(lines: PdfLine[], bodySize: number): Map<number, number> {
  const sizes = [...new Set(lines.filter((l) => isHeadingLine(l, bodySize)).map((l) => l.size))]
  sizes.sort((a, b) => b - a)
  return new Map(sizes.map((size, index) => [size, Math.min(index + 1, 6)]))
}

type OpenBlock =
  | { kind: 'heading'; level: number; lines: string[] }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: string[][] }
  | { kind: 'table'; rows: string[][]; x: number }

function pageBlocks(lines: PdfLine[], page: number, bodySize: number, levels: Map<number, number>): Block[] {
  const blocks: Block[] = []
  const gapLimit = paragraphGap(lines, bodySize)
  let open: OpenBlock | undefined
  const close = () => {
    if (open) blocks.push(render(open, page))
    open = undefined
  }

  lines.forEach((line, index) => {
    const previous = lines[index - 1]
    const gap = previous ? previous.y - line.y : 0
    // Upward moves (a new column) and unusually large gaps end the current block.
    const separated = !previous || gap < 0 || gap > gapLimit
    // A wrapped line of a list item or table row is indented under its first line (a hanging indent).
    const hangs = !separated && previous !== undefined && line.x > previous.x - 1
    const level = isHeadingLine(line, bodySize) ? levels.get(line.size) : undefined
    if (level !== undefined) {
      // Consecutive lines of one heading size are a wrapped heading.
      if (open?.kind === 'heading' && open.level === level && !separated) open.lines.push(line.text)
      else {
        close()
        open = { kind: 'heading', level, lines: [line.text] }
      }
      return
    }
    if (line.text.includes(COLUMN_SEPARATOR)) {
      const cells = line.text.split(COLUMN_SEPARATOR).map((cell) => cell.trim())
      // Cell padding makes row gaps larger than line gaps, so rows stay together up to ~3 lines apart.
      if (open?.kind === 'table' && gap >= 0 && gap < bodySize * 3) open.rows.push(cells)
      else {
        close()
        open = { kind: 'table', rows: [cells], x: line.x }
      }
      return
    }
    if (open?.kind === 'table' && !separated && line.x > open.x + 1) {
      const row = open.rows[open.rows.length - 1]
      if (row) row[row.length - 1] = joinWrappedLines([row[row.length - 1] ?? '', line.text])
      return
    }
    const bullet = BULLET_PATTERN.exec(line.text)
    const numbered = NUMBERED_ITEM_PATTERN.exec(line.text)
    if (bullet || numbered) {
      if (open?.kind !== 'list' || separated) {
        close()
        open = { kind: 'list', items: [] }
      }
      open.items.push([bullet ? `- ${line.text.slice(bullet[0].length)}` : line.text])
      return
    }
    const lastItem = open?.kind === 'list' ? open.items[open.items.length - 1] : undefined
    if (lastItem && hangs) {
      lastItem.push(line.text)
      return
    }
    if (open?.kind !== 'paragraph' || separated) {
      close()
      open = { kind: 'paragraph', lines: [] }
    }
    open.lines.push(line.text)
  })
  close()
  return blocks
}

/** A "heading" of many lines is a paragraph set in a larger font (a lead or a callout), not a title. */
const MAX_HEADING_LINES = 3

function render(open: OpenBlock, page: number): Block {
  switch (open.kind) {
    case 'heading': {
      const text = joinWrappedLines(open.lines)
      return open.lines.length > MAX_HEADING_LINES
        ? { kind: 'paragraph', text, page }
        : { kind: 'heading', level: open.level, text, page }
    }
    case 'paragraph':
      return { kind: 'paragraph', text: joinWrappedLines(open.lines), page }
    case 'list':
      return { kind: 'list', text: open.items.map(joinWrappedLines).join('\n'), page }
    case 'table':
      return renderTable(open.rows, page)
  }
}

/** Rows as a Markdown pipe table (first row as header), like HTML and DOCX tables. One row is just text. */
function renderTable(rows: string[][], page: number): Block {
  const [header, ...body] = rows
  if (!header || body.length === 0) return { kind: 'paragraph', text: (header ?? []).join(' '), page }
  const width = Math.max(...rows.map((row) => row.length))
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`
  const separator = `| ${Array.from({ length: width }, () => '---').join(' | ')} |`
  return { kind: 'table', text: [line(header), separator, ...body.map(line)].join('\n'), page }
}

/**
 * The gap beyond which two lines belong to different paragraphs. The usual line spacing is read from the
 * smallest gaps between consecutive body-size lines (larger gaps are paragraph breaks or headings); a
 * paragraph break is clearly more than that, bounded to 1.45–1.8 × the font size so that documents made
 * only of one-line paragraphs, or double-spaced, still split sensibly.
 */
function paragraphGap(lines: PdfLine[], bodySize: number): number {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]
    const line = lines[i]
    if (!previous || !line || previous.size !== bodySize || line.size !== bodySize) continue
    const gap = previous.y - line.y
    if (gap > 0 && gap < bodySize * 4) gaps.push(gap)
  }
  gaps.sort((a, b) => a - b)
  const lineGap = gaps[Math.floor(gaps.length * 0.1)] ?? bodySize * 1.2
  return Math.min(Math.max(lineGap * 1.25, bodySize * 1.45), bodySize * 1.8)
}

/**
 * Running headers/footers: a line in the top or bottom two of a page whose text (digits ignored) recurs
 * at the edge of most pages; and bare page numbers ("3", "Page 3 of 10", "- 3 -") at a page edge.
 */
function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const key = (line: PdfLine) => line.text.toLowerCase().replace(/\d+/g, '#')
  const edge = (lines: PdfLine[]) => [...lines.slice(0, 2), ...lines.slice(-2)]
  const counts = new Map<string, number>()
  for (const lines of pages) {
    for (const k of new Set(edge(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.6))
  return pages.map((lines) => {
    const edges = new Set(edge(lines))
    const first = lines[0]
    const last = lines[lines.length - 1]
    return lines.filter((line) => {
      if (!edges.has(line)) return true
      if ((counts.get(key(line)) ?? 0) >= threshold) return false
      return !((line === first || line === last) && isPageNumber(line.text))
    })
  })
}

function isPageNumber(text: string): boolean {
  return (
    /^(?:(?:page|p\.|seite|página|pagina)\s*)?\d{1,4}(?:\s*(?:of|\/|von|de|di)\s*\d{1,4})?$/i.test(text) ||
    /^[-–—]\s*\d{1,4}\s*[-–—]$/.test(text)
  )
}
