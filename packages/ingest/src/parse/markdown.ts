import { collapseWhitespace, joinWrappedLines } from './lines'
import { dropHiddenMarkdownHtml } from './markdown-hidden'
import { stripInline } from './markdown-inline'
import type { Block } from './types'

/**
 * Markdown → blocks with a small line-based parser. It covers what policy documents use (headings,
 * paragraphs, lists, pipe tables, code fences, quotes, front matter); it is not a CommonMark
 * implementation, and anything it does not recognise is kept as paragraph text rather than dropped.
 */

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/
const BLOCKQUOTE = /^ {0,3}>/
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/
const GITHUB_ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$/i

export function parseMarkdown(source: string): {
  title?: string
  blocks: Block[]
  hiddenTextDropped: number
} {
  const visible = dropHiddenMarkdownHtml(source.replace(/\r\n?/g, '\n'))
  const lines = visible.text.split('\n')
  const frontMatter = readFrontMatter(lines)
  const blocks = parseBlocks(lines.slice(frontMatter.bodyStart))
  const title =
    frontMatter.title ??
    blocks.find((b): b is Block & { kind: 'heading' } => b.kind === 'heading' && b.level === 1)?.text
  return title
    ? { title, blocks, hiddenTextDropped: visible.dropped }
    : { blocks, hiddenTextDropped: visible.dropped }
}

/** YAML front matter between "---" lines at the very top; only `title:` is of interest. */
function readFrontMatter(lines: string[]): { bodyStart: number; title?: string } {
  if (lines[0]?.trim() !== '---') return { bodyStart: 0 }
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'))
  // Without a closing line, or if it is far down, the "---" was a thematic break, not front matter.
  if (end < 0 || end > 200) return { bodyStart: 0 }
  for (const line of lines.slice(1, end)) {
    const match = /^title:[ \t]*(.+?)[ \t]*$/.exec(line)
    const value = match?.[1]?.replace(/^(['"])(.*)\1$/, '$2').trim()
    if (value) return { bodyStart: end + 1, title: value }
  }
  return { bodyStart: end + 1 }
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = []
  let paragraph: string[] = []
  const flush = () => {
    const text = collapseWhitespace(stripInline(joinWrappedLines(paragraph)))
    if (text) blocks.push({ kind: 'paragraph', text })
    paragraph = []
  }

  let i = 0
  while (i < lines.length) {
    const line = lines[i] ?? ''
    if (!line.trim()) {
      flush()
      i++
      continue
    }
    if (line.trimStart().startsWith('<!--')) {
      flush()
      i = skipHtmlComment(lines, i)
      continue
    }
    const fence = FENCE_OPEN.exec(line)
    if (fence) {
      flush()
      const code = readFence(lines, i, fence[1]?.length ?? 0, fence[2] ?? '```')
      if (code.text.trim()) blocks.push({ kind: 'code', text: code.text })
      i = code.next
      continue
    }
    const heading = ATX_HEADING.exec(line)
    if (heading) {
      flush()
      pushHeading(blocks, heading[1]?.length ?? 1, heading[2] ?? '')
      i++
      continue
    }
    const underline = SETEXT_UNDERLINE.exec(line)
    if (underline && paragraph.length > 0) {
      pushHeading(blocks, underline[1]?.startsWith('=') ? 1 : 2, joinWrappedLines(paragraph))
      paragraph = []
      i++
      continue
    }
    if (THEMATIC_BREAK.test(line)) {
      flush()
      i++
      continue
    }
    if (line.includes('|') && isTableSeparator(lines[i + 1] ?? '')) {
      flush()
      const rows: string[] = []
      while (i < lines.length && (lines[i] ?? '').includes('|') && (lines[i] ?? '').trim()) {
        rows.push(stripInline((lines[i] ?? '').trim(), { keepEscapedPipes: true }))
        i++
      }
      blocks.push({ kind: 'table', text: rows.join('\n') })
      continue
    }
    if (BLOCKQUOTE.test(line)) {
      flush()
      const quoted: string[] = []
      while (i < lines.length && BLOCKQUOTE.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(/^ {0,3}> ?/, ''))
        i++
      }
      // Headings inside quotes are emphasis, not document structure; keep them out of heading paths.
      for (const block of parseBlocks(quoted.filter((l) => !GITHUB_ALERT.test(l.trim())))) {
        blocks.push(block.kind === 'heading' ? { kind: 'paragraph', text: block.text } : block)
      }
      continue
    }
    const item = LIST_ITEM.exec(line)
    // An ordered item can only interrupt a paragraph when it starts at 1 ("in 2019. We…" is not a list).
    const interrupts = !paragraph.length || !item || /^[-*+]$|^1[.)]$/.test(item[2] ?? '')
    if (item && item[3] !== undefined && interrupts) {
      flush()
      const list = readList(lines, i)
      if (list.text) blocks.push({ kind: 'list', text: list.text })
      i = list.next
      continue
    }
    if (!paragraph.length && REFERENCE_DEFINITION.test(line)) {
      i++
      continue
    }
    paragraph.push(line)
    i++
  }
  flush()
  return blocks
}

function isTableSeparator(line: string): boolean {
  return TABLE_SEPARATOR.test(line) && line.includes('|') && line.includes('-')
}

function pushHeading(blocks: Block[], level: number, raw: string): void {
  const text = collapseWhitespace(
    stripInline(
      raw
        .replace(/[ \t]+#+[ \t]*$/, '')
        .replace(/^#+$/, '')
        .replace(/[ \t]*\{#[\w-]+\}[ \t]*$/, ''),
    ),
  )
  if (text) blocks.push({ kind: 'heading', level, text })
}

function skipHtmlComment(lines: string[], start: number): number {
  for (let i = start; i < lines.length; i++) {
    if ((lines[i] ?? '').includes('-->')) return i + 1
  }
  return lines.length
}

/** Fenced code, verbatim minus the fences and the fence's own indentation; an open fence runs to the end. */
function readFence(
  lines: string[],
  start: number,
  indent: number,
  marker: string,
): { text: string; next: number } {
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`)
  const body: string[] = []
  let i = start + 1
  for (; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (closing.test(line)) break
    body.push(line.replace(new RegExp(`^ {0,${indent}}`), ''))
  }
  while (body.length > 0 && !body[body.length - 1]?.trim()) body.pop()
  return { text: body.join('\n'), next: i + 1 }
}

type ListItem = { indent: number; marker: string; text: string[] }

/**
 * Consecutive list items (with nested items, continuation lines, and blank lines between items) as one
 * block of "- item" / "1. item" lines, nesting shown by two spaces per level.
 */
function readList(lines: string[], start: number): { text: string; next: number } {
  const items: ListItem[] = []
  let i = start
  while (i < lines.length) {
    const line = lines[i] ?? ''
    const item = LIST_ITEM.exec(line)
    if (item && item[3] !== undefined) {
      const indent = width(item[1] ?? '')
      const first = items[0]
      // Switching between bullets and numbers at the top level starts a new list.
      if (first && indent <= first.indent && isOrdered(item[2] ?? '') !== isOrdered(first.marker)) break
      items.push({ indent, marker: item[2] ?? '-', text: [item[3]] })
      i++
      continue
    }
    const current = items[items.length - 1]
    if (!line.trim()) {
      const next = lines.findIndex((l, j) => j > i && l.trim() !== '')
      const nextLine = next < 0 ? '' : (lines[next] ?? '')
      if (next >= 0 && (LIST_ITEM.test(nextLine) || width(/^[ \t]*/.exec(nextLine)?.[0] ?? '') >= 2)) {
        i = next
        continue
      }
      break
    }
    const indented = width(/^[ \t]*/.exec(line)?.[0] ?? '') >= 2
    // A "lazy" continuation line directly under an item belongs to it, unless it starts another block.
    const lazy = (lines[i - 1] ?? '').trim() !== '' && !startsOtherBlock(line)
    if (current && (indented || lazy)) {
      current.text.push(line)
      i++
      continue
    }
    break
  }
  return { text: renderList(items), next: i }
}

function startsOtherBlock(line: string): boolean {
  return (
    ATX_HEADING.test(line) ||
    FENCE_OPEN.test(line) ||
    BLOCKQUOTE.test(line) ||
    THEMATIC_BREAK.test(line) ||
    line.includes('|')
  )
}

function renderList(items: ListItem[]): string {
  const stack: number[] = []
  const out: string[] = []
  for (const item of items) {
    while (stack.length > 0 && item.indent < (stack[stack.length - 1] ?? 0)) stack.pop()
    if (stack.length === 0 || item.indent > (stack[stack.length - 1] ?? 0)) stack.push(item.indent)
    const marker = isOrdered(item.marker) ? `${item.marker.slice(0, -1)}.` : '-'
    const text = collapseWhitespace(stripInline(joinWrappedLines(item.text)))
    if (text) out.push(`${'  '.repeat(stack.length - 1)}${marker} ${text}`)
  }
  return out.join('\n')
}

function isOrdered(marker: string): boolean {
  return /^\d/.test(marker)
}

/** Indentation width with tabs counted as four columns, as CommonMark does. */
function width(indent: string): number {
  let columns = 0
  for (const char of indent) columns += char === '\t' ? 4 - (columns % 4) : 1
  return columns
}
