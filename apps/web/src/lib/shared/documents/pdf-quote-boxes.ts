import { findWords } from '@/lib/shared/markdown/text-leaves'

/** The part of pdf.js's TextItem this needs (`page.getTextContent().items`). */
export type PdfTextItem = {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL?: boolean
}

/** A rectangle in PDF user space: x1,y1 bottom left, x2,y2 top right (pdf.js's viewport converts it). */
export type PdfBox = [number, number, number, number]

const QUOTE_PIECE_WORDS = 8

/** Where the quote is on the page: its full words, else its opening or closing words (a hyphenated line break, a footnote mark). */
function locate(text: string, quote: string) {
  const found = findWords(text, quote)
  if (found) return found
  const words = quote.split(/\s+/).filter(Boolean)
  if (words.length <= QUOTE_PIECE_WORDS) return null
  return (
    findWords(text, words.slice(0, QUOTE_PIECE_WORDS).join(' ')) ??
    findWords(text, words.slice(-QUOTE_PIECE_WORDS).join(' '))
  )
}

/**
 * The boxes that cover the quoted sentence on a PDF page: the page's text items are joined into one
 * string (items on one line run together, lines end with a space, a word hyphenated across lines is
 * joined), the quote is found word for word, and
 * each item it touches gives a box over the touched share of its width. Empty when the quote is not there.
 */
export function pdfQuoteBoxes(items: PdfTextItem[], quote: string): PdfBox[] {
  let text = ''
  const spans: { item: PdfTextItem; start: number; end: number }[] = []
  for (const item of items) {
    // "al-" at the end of a line and "ways" on the next read as "always".
    const hyphenated = item.hasEOL === true && /\p{L}-$/u.test(item.str)
    const str = hyphenated ? item.str.slice(0, -1) : item.str
    spans.push({ item, start: text.length, end: text.length + str.length })
    text += str
    if (!hyphenated && (item.hasEOL || !/\s$/.test(str))) text += ' '
  }
  const found = locate(text, quote)
  if (!found) return []
  const boxes: PdfBox[] = []
  for (const { item, start, end } of spans) {
    if (end <= found.start || start >= found.end || item.str.length === 0) continue
    const from = Math.max(found.start, start) - start
    const to = Math.min(found.end, end) - start
    const [, , , d = 0, x = 0, y = 0] = item.transform
    const height = item.height || Math.abs(d)
    const perChar = item.width / item.str.length
    // Glyphs sit on the baseline: a quarter of the font size below it covers descenders.
    boxes.push([x + from * perChar, y - height * 0.25, x + to * perChar, y + height * 0.95])
  }
  return boxes
}
