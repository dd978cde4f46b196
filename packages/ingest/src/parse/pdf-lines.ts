/**
 * pdf.js text items → visual lines. A text item is a run of glyphs in one font; words are sometimes split
 * across items with no space character between them, so spaces are re-inserted from the gap between
 * items, wide gaps become " | " column separators, and a new line starts when the baseline moves.
 */

export type PdfTextItem = {
  str: string
  /** PDF transform [a, b, c, d, e, f]: (e, f) is the baseline origin; |(c, d)| is the font height. */
  transform: readonly number[]
  width: number
  height: number
  hasEOL: boolean
}

export type PdfLine = {
  text: string
  /** Baseline, in PDF space (grows upwards). */
  y: number
  /** Left edge of the first glyph. */
  x: number
  /** The font size that covers most of the line's characters. */
  size: number
}

/**
 * Text on one baseline separated by more than 1.5 em is in different columns (table cells, tab stops);
 * word spaces, even stretched by justification, stay well below that.
 */
const COLUMN_GAP = 1.5
export const COLUMN_SEPARATOR = ' | '

type Builder = {
  text: string
  x: number
  y: number
  endX: number
  sizes: Map<number, number>
  /** pdf.js emits the space between two runs as its own " " item, whose width spans the gap. */
  pendingSpace: boolean
}

export function itemsToLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = []
  let current: Builder | undefined
  const finish = () => {
    if (current?.text.trim()) lines.push(toLine(current))
    current = undefined
  }
  for (const item of items) {
    const x = item.transform[4] ?? 0
    const y = item.transform[5] ?? 0
    const size = fontSize(item)
    const text = item.str.trim()
    // A baseline shift of more than half a glyph is a new line even without an EOL marker.
    if (text && current && Math.abs(y - current.y) > Math.max(size, 1) * 0.5) finish()
    if (!text) {
      // Whitespace items only tell us there is a break; the gap itself is measured to the next word.
      if (current && item.str) current.pendingSpace = true
    } else if (!current) {
      current = { text, x, y, endX: x + item.width, sizes: new Map(), pendingSpace: false }
    } else {
      const gap = x - current.endX
      const leading = /^\s/.test(item.str)
      if (gap > size * COLUMN_GAP) current.text += `${COLUMN_SEPARATOR}${text}`
      else if (current.pendingSpace || leading || Math.abs(gap) > size * 0.15) current.text += ` ${text}`
      else current.text += text
      current.endX = x + item.width
      current.pendingSpace = /\s$/.test(item.str)
    }
    if (text && current) {
      const rounded = Math.round(size * 2) / 2
      current.sizes.set(rounded, (current.sizes.get(rounded) ?? 0) + text.length)
    }
    if (item.hasEOL) finish()
  }
  finish()
  return lines
}

function fontSize(item: PdfTextItem): number {
  const [, , c = 0, d = 0] = item.transform
  return item.height > 0 ? item.height : Math.hypot(c, d)
}

function toLine(builder: Builder): PdfLine {
  let size = 0
  let best = -1
  for (const [candidate, chars] of builder.sizes) {
    if (chars > best) {
      best = chars
      size = candidate
    }
  }
  return { text: builder.text.replace(/\s+/g, ' ').trim(), y: builder.y, x: builder.x, size }
}
