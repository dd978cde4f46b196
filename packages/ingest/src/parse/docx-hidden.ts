import { isUnreadable, parseHexColour, type Rgb, WHITE } from './colour'

/**
 * DOCX runs a reader never sees: hidden text (`w:vanish`, `w:specVanish`, directly or through a character
 * or paragraph style), text under 2 pt, and text coloured like its background (white on a white page; the
 * background is the run's shading or highlight, else its paragraph's, table cell's, or the page colour).
 * mammoth ignores all of these and would index the text, so the runs are cut out of the XML first.
 *
 * The XML is scanned tag by tag rather than parsed into a DOM: only a handful of elements matter, Word's
 * XML is machine-written and well formed, and the scan costs a fraction of mammoth's own parse. Elements
 * are recognised by the `w:` prefix every WordprocessingML producer we know of uses.
 */

type RunProps = { vanish?: boolean; colour?: Rgb | 'auto'; halfPoints?: number; fill?: Rgb }
type Style = RunProps & { basedOn?: string }
type Frame = {
  name: string
  start: number
  contentStart: number
  props: RunProps
  styleId?: string
  text: boolean
}

/** Opening, closing or self-closing `w:` element; attributes are captured whole. */
const TAG = /<(\/?)(w:[A-Za-z]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g
/** Below 2 pt (Word's w:sz is in half points) nobody can read it. */
const MIN_HALF_POINTS = 4

const HIGHLIGHTS: Record<string, string> = {
  black: '000000',
  blue: '0000FF',
  cyan: '00FFFF',
  green: '00FF00',
  magenta: 'FF00FF',
  red: 'FF0000',
  yellow: 'FFFF00',
  white: 'FFFFFF',
  darkBlue: '000080',
  darkCyan: '008080',
  darkGreen: '008000',
  darkMagenta: '800080',
  darkRed: '800000',
  darkYellow: '808000',
  darkGray: '808080',
  lightGray: 'C0C0C0',
}

const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1]

const isOn = (attributes: string) => !/^(?:false|0|off)$/i.test(attribute(attributes, 'w:val') ?? 'true')

/** Applies one property element (`<w:vanish/>`, `<w:color w:val=…/>`…) of a w:rPr or w:pPr to `props`. */
function readProperty(name: string, attributes: string, props: RunProps): void {
  switch (name) {
    case 'w:vanish':
    case 'w:specVanish':
      props.vanish = isOn(attributes)
      return
    case 'w:color': {
      const value = attribute(attributes, 'w:val')
      props.colour = value === 'auto' ? 'auto' : (parseHexColour(value) ?? props.colour)
      return
    }
    case 'w:sz': {
      const size = Number(attribute(attributes, 'w:val'))
      if (Number.isFinite(size)) props.halfPoints = size
      return
    }
    case 'w:shd': {
      const fill = parseHexColour(attribute(attributes, 'w:fill'))
      if (fill) props.fill = fill
      return
    }
    case 'w:highlight': {
      const fill = parseHexColour(HIGHLIGHTS[attribute(attributes, 'w:val') ?? ''])
      if (fill) props.fill = fill
      return
    }
  }
}

/** Character and paragraph styles (and the document defaults, under the key ""), from word/styles.xml. */
export function readStyles(xml: string): Map<string, Style> {
  const styles = new Map<string, Style>()
  const stack: { name: string; style?: Style }[] = []
  for (const [, closing, name = '', attributes = '', selfClosing] of xml.matchAll(TAG)) {
    if (closing) {
      stack.pop()
      continue
    }
    const parent = stack.at(-1)
    let style: Style | undefined
    if (name === 'w:style') {
      const type = attribute(attributes, 'w:type')
      const id = attribute(attributes, 'w:styleId')
      if (id && (type === 'paragraph' || type === 'character')) {
        style = {}
        styles.set(id, style)
      }
    } else if (name === 'w:rPrDefault') {
      style = {}
      styles.set('', style)
    } else if (parent?.style) {
      if (name === 'w:basedOn') parent.style.basedOn = attribute(attributes, 'w:val')
      // Only the style's own run properties: not a table style's conditional formatting.
      if (name === 'w:rPr' && (parent.name === 'w:style' || parent.name === 'w:rPrDefault'))
        style = parent.style
    }
    if (parent?.name === 'w:rPr' && parent.style) readProperty(name, attributes, parent.style)
    if (!selfClosing) stack.push({ name, style })
  }
  return styles
}

/** A style's properties with everything it inherits through basedOn (cycles cut). */
function resolveStyle(
  styles: Map<string, Style>,
  id: string | undefined,
  seen = new Set<string>(),
): RunProps {
  const style = id !== undefined ? styles.get(id) : undefined
  if (!style || id === undefined || seen.has(id)) return {}
  seen.add(id)
  return { ...resolveStyle(styles, style.basedOn, seen), ...withoutUndefined(style) }
}

const withoutUndefined = (props: Style): RunProps => {
  const out: RunProps = {}
  if (props.vanish !== undefined) out.vanish = props.vanish
  if (props.colour !== undefined) out.colour = props.colour
  if (props.halfPoints !== undefined) out.halfPoints = props.halfPoints
  if (props.fill !== undefined) out.fill = props.fill
  return out
}

/**
 * Removes hidden runs from document.xml. Returns the new XML and how many removed runs held text.
 */
export function removeHiddenRuns(xml: string, styles: Map<string, Style>): { xml: string; dropped: number } {
  const defaults = resolveStyle(styles, '')
  const pageFill = parseHexColour(/<w:background\b[^>]*\bw:color\s*=\s*["']([^"']*)["']/.exec(xml)?.[1])
  const stack: Frame[] = []
  const cuts: [number, number][] = []
  let dropped = 0
  for (const match of xml.matchAll(TAG)) {
    const [whole, closing, name = '', attributes = '', selfClosing] = match
    const end = match.index + whole.length
    if (closing) {
      const frame = stack.pop()
      if (frame?.name === 'w:t' && xml.slice(frame.contentStart, match.index).trim()) {
        const run = [...stack].reverse().find((f) => f.name === 'w:r')
        if (run) run.text = true
      }
      if (frame?.name === 'w:r' && isHidden(frame, stack, styles, defaults, pageFill)) {
        cuts.push([frame.start, end])
        if (frame.text) dropped++
      }
      continue
    }
    const parent = stack.at(-1)
    const grandparent = stack.at(-2)
    if (parent?.name === 'w:rPr' && grandparent?.name === 'w:r') {
      if (name === 'w:rStyle') grandparent.styleId = attribute(attributes, 'w:val')
      else readProperty(name, attributes, grandparent.props)
    } else if (parent?.name === 'w:pPr' && grandparent?.name === 'w:p') {
      if (name === 'w:pStyle') grandparent.styleId = attribute(attributes, 'w:val')
      else if (name === 'w:shd') readProperty(name, attributes, grandparent.props)
    } else if (parent?.name === 'w:tcPr' && grandparent?.name === 'w:tc' && name === 'w:shd') {
      readProperty(name, attributes, grandparent.props)
    }
    if (!selfClosing) stack.push({ name, start: match.index, contentStart: end, props: {}, text: false })
  }
  if (cuts.length === 0) return { xml, dropped: 0 }
  let out = ''
  let last = 0
  for (const [start, stop] of cuts) {
    out += xml.slice(last, start)
    last = stop
  }
  return { xml: out + xml.slice(last), dropped }
}

function isHidden(
  run: Frame,
  stack: Frame[],
  styles: Map<string, Style>,
  defaults: RunProps,
  pageFill: Rgb | undefined,
): boolean {
  const nearest = (name: string) => [...stack].reverse().find((f) => f.name === name)
  const paragraph = nearest('w:p')
  const props: RunProps = {
    ...defaults,
    ...resolveStyle(styles, paragraph?.styleId),
    ...resolveStyle(styles, run.styleId),
    ...withoutUndefined(run.props),
  }
  if (props.vanish) return true
  if (props.halfPoints !== undefined && props.halfPoints < MIN_HALF_POINTS) return true
  if (!props.colour || props.colour === 'auto') return false
  const background = props.fill ?? paragraph?.props.fill ?? nearest('w:tc')?.props.fill ?? pageFill ?? WHITE
  return isUnreadable(props.colour, background)
}
