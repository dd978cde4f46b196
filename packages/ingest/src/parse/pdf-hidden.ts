import { isUnreadable, parseHexColour, type Rgb, WHITE } from './colour'
import type { PdfTextItem } from './pdf-lines'

/**
 * PDF text a reader never sees: text painted in (nearly) the colour under it (white on a white page),
 * fully transparent text, text in invisible render mode that is not over an image, and text under 2 pt
 * (pdf.js already leaves text placed outside the page out of the text content). pdf.js text content has
 * positions and sizes but no colour, so the page's operator list is walked alongside it: every glyph of
 * every show-text operator gets the paint it was drawn with, and filled shapes and images become the
 * backgrounds text may sit on.
 *
 * Invisible render mode (3) is how OCR layers are written over a scanned image; over an image it is real
 * text and is kept. Text painted *before* a shape covers it is not detected (the shape is seen as its
 * background, if anything).
 */

export type OperatorList = { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> }
export type OpCodes = Record<string, number>

type Paint = { fill: Rgb | null; stroke: Rgb | null; fillAlpha: number; strokeAlpha: number; mode: number }
/** null colour: an image, pattern or shading, whose colour under a given glyph is unknown. */
type Region = { box: [number, number, number, number]; colour: Rgb | null }
type Glyph = { char: string; paint: Paint }
export type PagePaint = { glyphs: Glyph[]; regions: Region[] }

type Matrix = [number, number, number, number, number, number]
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** m applied first, then ctm (pdf.js's Util.transform order). */
function multiply(ctm: Matrix, m: Matrix): Matrix {
  return [
    ctm[0] * m[0] + ctm[2] * m[1],
    ctm[1] * m[0] + ctm[3] * m[1],
    ctm[0] * m[2] + ctm[2] * m[3],
    ctm[1] * m[2] + ctm[3] * m[3],
    ctm[0] * m[4] + ctm[2] * m[5] + ctm[4],
    ctm[1] * m[4] + ctm[3] * m[5] + ctm[5],
  ]
}

function transformBox(box: ArrayLike<number>, m: Matrix): Region['box'] {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = Array.from(box)
  const points = [
    [x0, y0],
    [x0, y1],
    [x1, y0],
    [x1, y1],
  ].map(([x = 0, y = 0]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]])
  const xs = points.map((p) => p[0] ?? 0)
  const ys = points.map((p) => p[1] ?? 0)
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

const asMatrix = (value: unknown): Matrix | undefined => {
  const numbers =
    value && typeof value === 'object' && 'length' in value ? Array.from(value as ArrayLike<unknown>) : []
  return numbers.length === 6 && numbers.every((n) => typeof n === 'number') ? (numbers as Matrix) : undefined
}

const colourArg = (args: unknown): Rgb | null =>
  Array.isArray(args) && typeof args[0] === 'string' ? (parseHexColour(args[0]) ?? null) : null

/** Walks the operator list once, recording each glyph's paint and every filled area. */
export function readPagePaint(list: OperatorList, OPS: OpCodes): PagePaint {
  type State = { paint: Paint; ctm: Matrix }
  let state: State = {
    paint: { fill: [0, 0, 0], stroke: [0, 0, 0], fillAlpha: 1, strokeAlpha: 1, mode: 0 },
    ctm: IDENTITY,
  }
  const stack: State[] = []
  const glyphs: Glyph[] = []
  const regions: Region[] = []
  const fills = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ])
  const images = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintSolidColorImageMask,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
  ])
  const shows = new Set([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
  ])
  const paint = (changes: Partial<Paint>) => {
    state = { ...state, paint: { ...state.paint, ...changes } }
  }

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    const args = list.argsArray[i]
    const arg = (n: number) => (Array.isArray(args) ? args[n] : undefined)
    if (fn === OPS.save) stack.push(state)
    else if (fn === OPS.restore) state = stack.pop() ?? state
    else if (fn === OPS.transform) {
      const m = asMatrix(args)
      if (m) state = { ...state, ctm: multiply(state.ctm, m) }
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(state)
      const m = asMatrix(arg(0))
      if (m) state = { ...state, ctm: multiply(state.ctm, m) }
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state
    else if (fn === OPS.setFillRGBColor) paint({ fill: colourArg(args) })
    else if (fn === OPS.setStrokeRGBColor) paint({ stroke: colourArg(args) })
    else if (fn === OPS.setFillColorN || fn === OPS.setFillTransparent) paint({ fill: null })
    else if (fn === OPS.setStrokeColorN || fn === OPS.setStrokeTransparent) paint({ stroke: null })
    else if (fn === OPS.setTextRenderingMode && typeof arg(0) === 'number') paint({ mode: arg(0) as number })
    else if (fn === OPS.setGState && Array.isArray(arg(0))) {
      for (const entry of arg(0) as unknown[]) {
        if (!Array.isArray(entry) || typeof entry[1] !== 'number') continue
        if (entry[0] === 'ca') paint({ fillAlpha: entry[1] })
        if (entry[0] === 'CA') paint({ strokeAlpha: entry[1] })
      }
    } else if (fn === OPS.constructPath) {
      // pdf.js 5: [paint operator, path data, bounding box in user space].
      const [op, , minMax] = Array.isArray(args) ? args : []
      if (fills.has(op as number) && minMax && state.paint.fillAlpha > 0.05) {
        regions.push({ box: transformBox(minMax as ArrayLike<number>, state.ctm), colour: state.paint.fill })
      }
    } else if (images.has(fn ?? -1))
      regions.push({ box: transformBox([0, 0, 1, 1], state.ctm), colour: null })
    else if (fn === OPS.shadingFill)
      regions.push({ box: [-Infinity, -Infinity, Infinity, Infinity], colour: null })
    else if (shows.has(fn ?? -1) && Array.isArray(args)) {
      const run = args.findLast((a) => Array.isArray(a)) as unknown[] | undefined
      for (const glyph of run ?? []) {
        const unicode = glyph && typeof glyph === 'object' && 'unicode' in glyph ? glyph.unicode : undefined
        if (typeof unicode !== 'string') continue
        for (const char of unicode.normalize('NFKC'))
          if (char.trim()) glyphs.push({ char, paint: state.paint })
      }
    }
  }
  return { glyphs, regions }
}

/** A text-content item before filtering, in page space. */
export type RawTextItem = PdfTextItem

/** Below 2 pt, in either direction (a squeezed horizontal scale counts), nobody can read it. */
const MIN_SIZE = 2
/** How far ahead (in glyphs) an item's text is looked for; beyond that the item is taken as visible. */
const SEARCH_WINDOW = 4000
const INVISIBLE_MODES = new Set([3, 7])

/**
 * The items a reader can see, with hidden characters cut out of partly hidden items, and how many items
 * lost text. Items and glyphs come from the same content stream in the same order, so each item's text is
 * looked up as a run of glyphs after the previous item's (pdf.js leaves some glyphs out of the text
 * content, e.g. text placed off the page, so the run is searched for rather than assumed to be next).
 */
export function visibleTextItems(
  items: readonly RawTextItem[],
  page: PagePaint,
): { items: PdfTextItem[]; dropped: number } {
  const glyphText = page.glyphs.map((g) => g.char).join('')
  // glyphText has one UTF-16 unit per glyph only for BMP characters; map offsets back to glyph indexes.
  const glyphAt: number[] = []
  page.glyphs.forEach((glyph, index) => {
    for (let i = 0; i < glyph.char.length; i++) glyphAt.push(index)
  })
  let cursor = 0
  let dropped = 0
  const visible: PdfTextItem[] = []
  for (const item of items) {
    const chars = [...item.str.normalize('NFKC')]
    const compact = chars.filter((c) => c.trim()).join('')
    if (!compact) {
      visible.push(item)
      continue
    }
    const found = glyphText.indexOf(compact, cursor)
    const aligned = found !== -1 && found - cursor <= SEARCH_WINDOW
    const first = aligned ? (glyphAt[found] ?? 0) : -1
    if (aligned) cursor = found + compact.length
    const unreadable = tooSmall(item)
    const background = backgroundAt(item, page.regions)
    let kept = ''
    let keptChars = 0
    let index = 0
    for (const char of chars) {
      if (!char.trim()) {
        kept += char
        continue
      }
      const paint = aligned ? page.glyphs[first + index]?.paint : undefined
      index++
      if (unreadable || (paint && isHiddenPaint(paint, background))) continue
      kept += char
      keptChars++
    }
    if (keptChars === index) visible.push(item)
    else {
      dropped++
      if (keptChars > 0 && kept.trim())
        visible.push({ ...item, str: kept, width: (item.width * keptChars) / index })
    }
  }
  return { items: visible, dropped }
}

function isHiddenPaint(paint: Paint, background: Rgb | null): boolean {
  if (INVISIBLE_MODES.has(paint.mode)) return background !== null
  const stroked = paint.mode % 4 === 1 || paint.mode % 4 === 2
  const filled = paint.mode % 4 === 0 || paint.mode % 4 === 2
  const readable = (colour: Rgb | null, alpha: number) =>
    alpha > 0.05 && (colour === null || background === null || !isUnreadable(colour, background))
  return !(
    (filled && readable(paint.fill, paint.fillAlpha)) ||
    (stroked && readable(paint.stroke, paint.strokeAlpha))
  )
}

function tooSmall(item: RawTextItem): boolean {
  const [a = 0, b = 0, c = 0, d = 0] = item.transform
  return Math.hypot(a, b) < MIN_SIZE || Math.hypot(c, d) < MIN_SIZE
}

/** The colour of the last filled area under the item's centre; white paper if none. */
function backgroundAt(item: RawTextItem, regions: readonly Region[]): Rgb | null {
  const x = (item.transform[4] ?? 0) + item.width / 2
  const y = (item.transform[5] ?? 0) + item.height / 3
  for (let i = regions.length - 1; i >= 0; i--) {
    const region = regions[i]
    if (!region) continue
    const [x0, y0, x1, y1] = region.box
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return region.colour
  }
  return WHITE
}
