import { hidesElement } from './html-hidden'

/**
 * Markdown renders to HTML, so raw HTML inside it can hide text from readers: comments (`<!-- … -->`)
 * and elements with `hidden`, `aria-hidden="true"` or a hiding inline style (`<span style="display:none">`).
 * They are removed before parsing, outside fenced code (where HTML is literal text the reader sees).
 * Returns the cleaned source and how many hidden pieces with text were removed.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g
const OPENING_TAG = /<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*?)?(\/?)>/g

export function dropHiddenMarkdownHtml(source: string): { text: string; dropped: number } {
  let dropped = 0
  const segments: string[] = []
  let prose: string[] = []
  let fence: string | null = null
  const flushProse = () => {
    if (prose.length === 0) return
    const cleaned = cleanProse(prose.join('\n'))
    dropped += cleaned.dropped
    segments.push(cleaned.text)
    prose = []
  }
  for (const line of source.split('\n')) {
    const marker = FENCE.exec(line)?.[1]
    if (fence === null && marker) {
      flushProse()
      fence = marker
      segments.push(line)
    } else if (fence !== null) {
      segments.push(line)
      if (marker?.startsWith(fence)) fence = null
    } else prose.push(line)
  }
  flushProse()
  return { text: segments.join('\n'), dropped }
}

function cleanProse(text: string): { text: string; dropped: number } {
  let dropped = 0
  // A removed comment keeps its line breaks, so block structure around it does not change.
  let out = text.replace(COMMENT, (comment) => {
    if (comment.slice(4, -3).trim()) dropped++
    return comment.replace(/[^\n]/g, '')
  })
  for (;;) {
    const element = findHiddenElement(out)
    if (!element) break
    const inner = out.slice(element.start, element.end).replace(/<[^>]*>/g, '')
    if (inner.trim()) dropped++
    out =
      out.slice(0, element.start) +
      out.slice(element.start, element.end).replace(/[^\n]/g, '') +
      out.slice(element.end)
  }
  return { text: out, dropped }
}

/** The first element whose attributes hide it, up to its matching closing tag (same-name nesting counted). */
function findHiddenElement(text: string): { start: number; end: number } | undefined {
  for (const match of text.matchAll(OPENING_TAG)) {
    const [, tag = '', attributes = '', selfClosing] = match
    if (selfClosing || !hidesElement(attributes)) continue
    const start = match.index
    const end = closingTagEnd(text, tag, start + match[0].length)
    return { start, end }
  }
  return undefined
}

function closingTagEnd(text: string, tag: string, from: number): number {
  const tags = new RegExp(`<(/?)${tag}(?:\\s[^<>]*)?>`, 'gi')
  tags.lastIndex = from
  let depth = 1
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    depth += match[1] ? -1 : 1
    if (depth === 0) return match.index + match[0].length
  }
  // An unclosed hidden element hides the rest of its paragraph.
  const blank = text.indexOf('\n\n', from)
  return blank === -1 ? text.length : blank
}
