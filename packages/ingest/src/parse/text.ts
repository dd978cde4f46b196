import { BULLET_PATTERN, collapseWhitespace, joinWrappedLines, NUMBERED_ITEM_PATTERN } from './lines'
import type { Block } from './types'

/**
 * Plain text → blocks. Paragraphs are separated by blank lines and their hard-wrapped lines are joined.
 * Heading detection is deliberately conservative, because a false heading corrupts the heading path of
 * every chunk after it: only a single-line paragraph followed by more text can be a heading, and only
 * when it is ALL CAPS, a numbered section title ("2.1 Eligibility"), or underlined with === / ---.
 */

const NUMBERED_TITLE = /^(\d{1,3}(?:\.\d{1,3}){0,5})\.?[ \t]+(\p{Lu}.*)$/u
const TERMINAL_PUNCTUATION = /[.:;,!?]$/
const MAX_HEADING_LENGTH = 80
const MAX_HEADING_WORDS = 10

export function parseText(source: string): { title?: string; blocks: Block[] } {
  const paragraphs = splitParagraphs(source)
  const blocks: Block[] = []
  paragraphs.forEach((lines, index) => {
    const heading = headingOf(lines, paragraphs[index - 1], paragraphs[index + 1])
    if (heading) blocks.push(heading)
    else blocks.push(...bodyBlocks(lines))
  })
  // A document that opens with an unnumbered heading ("LEAVE POLICY") is titled by it; "1. Scope" is not a title.
  const first = blocks[0]
  return first?.kind === 'heading' && !/^\d/.test(first.text) ? { title: first.text, blocks } : { blocks }
}

function splitParagraphs(source: string): string[][] {
  const paragraphs: string[][] = []
  let current: string[] = []
  // A form feed (page break in text exports) separates paragraphs like a blank line does.
  for (const line of source.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split('\n')) {
    if (line.trim()) {
      current.push(line.trimEnd())
    } else if (current.length > 0) {
      paragraphs.push(current)
      current = []
    }
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}

function headingOf(
  lines: string[],
  previous: string[] | undefined,
  next: string[] | undefined,
): Block | undefined {
  // A "heading" with nothing after it heads nothing; treat it as text.
  if (!next) return undefined
  const [first, second] = lines
  if (first === undefined) return undefined
  if (lines.length === 2 && second !== undefined && /^\s*(={3,}|-{3,})\s*$/.test(second)) {
    const text = collapseWhitespace(first)
    return looksLikeTitle(text)
      ? { kind: 'heading', level: second.trim().startsWith('=') ? 1 : 2, text }
      : undefined
  }
  if (lines.length !== 1) return undefined
  const text = collapseWhitespace(first)
  if (!looksLikeTitle(text)) return undefined
  const numbered = NUMBERED_TITLE.exec(text)
  if (numbered) {
    const depth = (numbered[1] ?? '').split('.').length
    // "1. Submit the form" next to "2. Wait for approval" is a list, not two sections.
    if (isNumberedSibling(previous, depth) || isNumberedSibling(next, depth)) return undefined
    return { kind: 'heading', level: Math.min(depth, 6), text }
  }
  if (isAllCaps(text)) return { kind: 'heading', level: 1, text }
  return undefined
}

function isNumberedSibling(lines: string[] | undefined, depth: number): boolean {
  if (lines?.length !== 1) return false
  const numbered = NUMBERED_TITLE.exec(collapseWhitespace(lines[0] ?? ''))
  return numbered !== null && (numbered[1] ?? '').split('.').length === depth
}

function looksLikeTitle(text: string): boolean {
  return (
    text.length <= MAX_HEADING_LENGTH &&
    text.split(' ').length <= MAX_HEADING_WORDS &&
    !TERMINAL_PUNCTUATION.test(text) &&
    /\p{L}/u.test(text)
  )
}

function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? []
  return letters.length >= 3 && letters.every((letter) => /\p{Lu}/u.test(letter))
}

/** A paragraph may mix an intro line with list items ("You must:\n- a\n- b"); split them apart. */
function bodyBlocks(lines: string[]): Block[] {
  if (isPreformatted(lines)) return [{ kind: 'paragraph', text: lines.join('\n') }]
  const blocks: Block[] = []
  let text: string[] = []
  let items: { indent: number; text: string[] }[] = []
  const flushText = () => {
    const joined = joinWrappedLines(text)
    if (joined) blocks.push({ kind: 'paragraph', text: joined })
    text = []
  }
  const flushItems = () => {
    if (items.length > 0) blocks.push({ kind: 'list', text: renderItems(items) })
    items = []
  }
  for (const line of lines) {
    const trimmed = line.trimStart()
    const indent = line.length - trimmed.length
    const bullet = BULLET_PATTERN.exec(trimmed)
    const numbered = NUMBERED_ITEM_PATTERN.exec(trimmed)
    const current = items[items.length - 1]
    if (bullet) {
      flushText()
      items.push({ indent, text: [`- ${trimmed.slice(bullet[0].length)}`] })
    } else if (numbered) {
      flushText()
      items.push({ indent, text: [`${(numbered[1] ?? '').trim()} ${trimmed.slice(numbered[0].length)}`] })
    } else if (current && indent > 0) {
      // An indented line under an item continues that item.
      current.text.push(trimmed)
    } else {
      flushItems()
      text.push(line)
    }
  }
  flushText()
  flushItems()
  return blocks
}

function renderItems(items: { indent: number; text: string[] }[]): string {
  const stack: number[] = []
  return items
    .map((item) => {
      while (stack.length > 0 && item.indent < (stack[stack.length - 1] ?? 0)) stack.pop()
      if (stack.length === 0 || item.indent > (stack[stack.length - 1] ?? 0)) stack.push(item.indent)
      return `${'  '.repeat(stack.length - 1)}${joinWrappedLines(item.text)}`
    })
    .join('\n')
}

/**
 * Column-aligned text (every line has a run of 2+ spaces or a tab between words) is a table or form
 * laid out with spaces; joining its lines would scramble the columns, so its line breaks are kept.
 */
function isPreformatted(lines: string[]): boolean {
  return lines.length >= 2 && lines.every((line) => /\S(?: {2,}|\t)\S/.test(line.trim()))
}
