/// <reference path="./domino.d.ts" />
import domino, { type DominoDocument, type DominoElement, type DominoNode } from '@mixmark-io/domino'
import { removeHiddenElements } from './html-hidden'
import { collapseWhitespace } from './lines'
import type { Block } from './types'

/**
 * HTML → blocks, shared by HTML uploads and DOCX (through mammoth's HTML). We walk the DOM ourselves
 * rather than going through turndown: turndown's GFM plugin keeps tables without a <th> row (all of
 * mammoth's tables) as raw HTML, and its Markdown escaping ("1\.", "\*") would leak into the text.
 * domino (the DOM implementation turndown is built on) is a small, dependency-free server-side DOM.
 */

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Site furniture and non-content elements. <header> is handled separately (see isBoilerplate). */
const BOILERPLATE_SELECTOR = [
  'script',
  'style',
  'nav',
  'footer',
  'aside',
  'form',
  'noscript',
  'svg',
  'template',
  'iframe',
  'object',
  'button',
  'select',
  '[role="navigation"]',
  '[role="search"]',
].join(', ')

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
])

export function htmlToBlocks(html: string): { title?: string; blocks: Block[]; hiddenTextDropped: number } {
  const document = domino.createDocument(html, true)
  // Before the boilerplate pass, which deletes the <style> elements the hidden-text rules are read from.
  const hiddenTextDropped = removeHiddenElements(document)
  const root = contentRoot(document.querySelector('main, [role="main"]'), document)
  for (const element of Array.from(root.querySelectorAll(`${BOILERPLATE_SELECTOR}, header`))) {
    if (isBoilerplate(element)) element.remove()
  }
  const blocks: Block[] = []
  walkContainer(root, blocks)
  const title = collapseWhitespace(document.title) || firstH1(blocks)
  return title ? { title, blocks, hiddenTextDropped } : { blocks, hiddenTextDropped }
}

/** Prefer the page's main content; several <article>s (a listing) fall back to the whole body. */
function contentRoot(main: DominoElement | null | undefined, document: DominoDocument): DominoElement {
  if (main) return main
  const articles = document.querySelectorAll('article')
  const [onlyArticle] = Array.from(articles)
  if (articles.length === 1 && onlyArticle) return onlyArticle
  const root = document.body ?? document.documentElement
  if (!root) throw new Error('domino produced a document without a root element')
  return root
}

/** A <header> inside <main>/<article> usually holds the page's own title, so only site headers go. */
function isBoilerplate(element: DominoElement): boolean {
  return tagOf(element) !== 'header' || !element.closest('main, article, [role="main"]')
}

function walkContainer(container: DominoElement, out: Block[]): void {
  let pending = ''
  const flush = () => {
    const text = collapseWhitespace(pending)
    if (text) out.push({ kind: 'paragraph', text })
    pending = ''
  }
  for (const child of Array.from(container.childNodes)) {
    const element = asElement(child)
    if (!element) {
      if (child.nodeType === TEXT_NODE) pending += child.textContent ?? ''
      continue
    }
    const tag = tagOf(element)
    if (BLOCK_TAGS.has(tag)) {
      flush()
      blockElement(element, tag, out)
    } else {
      pending += inlineText(element)
    }
  }
  flush()
}

function blockElement(element: DominoElement, tag: string, out: Block[]): void {
  const heading = /^h([1-6])$/.exec(tag)
  if (heading) {
    const text = collapseWhitespace(inlineText(element))
    if (text) out.push({ kind: 'heading', level: Number(heading[1]), text })
    return
  }
  switch (tag) {
    case 'p': {
      const text = collapseWhitespace(inlineText(element))
      if (text) out.push({ kind: 'paragraph', text })
      return
    }
    case 'ul':
    case 'ol': {
      const lines = listLines(element, 0)
      if (lines.length > 0) out.push({ kind: 'list', text: lines.join('\n') })
      return
    }
    case 'table':
      tableBlocks(element, out)
      return
    case 'pre': {
      const text = (element.textContent ?? '').replace(/^\n/, '').trimEnd()
      if (text.trim()) out.push({ kind: 'code', text })
      return
    }
    case 'hr':
      return
    default:
      walkContainer(element, out)
  }
}

/** Text of an inline run; nested block elements become word breaks so cells and items do not glue. */
function inlineText(node: DominoNode): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? ''
  const element = asElement(node)
  if (!element) return ''
  const tag = tagOf(element)
  if (tag === 'br') return '\n'
  if (tag === 'img') return ''
  let text = ''
  for (const child of Array.from(element.childNodes)) text += inlineText(child)
  return BLOCK_TAGS.has(tag) ? ` ${text} ` : text
}

/** One line per item ("- item", "1. item"); nested lists indented two spaces per level. */
function listLines(list: DominoElement, depth: number): string[] {
  const ordered = tagOf(list) === 'ol'
  let number = Number.parseInt(list.getAttribute('start') ?? '1', 10) || 1
  const lines: string[] = []
  for (const child of childElements(list)) {
    const tag = tagOf(child)
    if (tag === 'ul' || tag === 'ol') {
      // <ul><li>a</li><ul>…</ul></ul> is invalid but common in hand-written HTML.
      lines.push(...listLines(child, depth + 1))
      continue
    }
    if (tag !== 'li') continue
    const nested = childElements(child).filter((e) => ['ul', 'ol'].includes(tagOf(e)))
    let text = ''
    for (const node of Array.from(child.childNodes)) {
      const element = asElement(node)
      if (!element || !nested.includes(element)) text += inlineText(node)
    }
    text = collapseWhitespace(text)
    const marker = ordered ? `${number}.` : '-'
    number++
    if (text) lines.push(`${'  '.repeat(depth)}${marker} ${text}`)
    for (const sub of nested) lines.push(...listLines(sub, text ? depth + 1 : depth))
  }
  return lines
}

function tableBlocks(table: DominoElement, out: Block[]): void {
  const rows = tableRows(table)
  const caption = childElements(table).find((e) => tagOf(e) === 'caption')
  // Tables used for layout (one column, or holding headings / other tables) are content, not data.
  const isLayout =
    rows.every((row) => cellsOf(row).length <= 1) ||
    Boolean(table.querySelector('table, h1, h2, h3, h4, h5, h6'))
  if (isLayout) {
    for (const row of rows) for (const cell of cellsOf(row)) walkContainer(cell, out)
    return
  }
  if (caption) {
    const text = collapseWhitespace(inlineText(caption))
    if (text) out.push({ kind: 'paragraph', text })
  }
  const matrix = rows
    .map((row) => cellsOf(row).flatMap((cell) => spread(cell)))
    .filter((cells) => cells.some((cell) => cell !== ''))
  const [header, ...body] = matrix
  if (!header) return
  const width = Math.max(...matrix.map((cells) => cells.length))
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`.replace(/ {2,}\|/g, ' |')
  const separator = `| ${Array.from({ length: width }, () => '---').join(' | ')} |`
  out.push({ kind: 'table', text: [line(header), separator, ...body.map(line)].join('\n') })
}

/** A cell's text, repeated as empty cells for colspan so columns stay aligned. */
function spread(cell: DominoElement): string[] {
  const text = collapseWhitespace(inlineText(cell)).replace(/\|/g, '\\|')
  const span = Math.min(Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1, 50)
  return [text, ...Array.from({ length: span - 1 }, () => '')]
}

/** Rows of this table only (not of tables nested in its cells). */
function tableRows(table: DominoElement): DominoElement[] {
  return childElements(table).flatMap((child) => {
    const tag = tagOf(child)
    if (tag === 'tr') return [child]
    if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      return childElements(child).filter((e) => tagOf(e) === 'tr')
    }
    return []
  })
}

function cellsOf(row: DominoElement): DominoElement[] {
  return childElements(row).filter((e) => ['td', 'th'].includes(tagOf(e)))
}

function firstH1(blocks: Block[]): string | undefined {
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1)
  return h1?.text
}

function childElements(element: DominoElement): DominoElement[] {
  return Array.from(element.childNodes).flatMap((node) => {
    const child = asElement(node)
    return child ? [child] : []
  })
}

function asElement(node: DominoNode): DominoElement | undefined {
  return isElement(node) ? node : undefined
}

function isElement(node: DominoNode): node is DominoElement {
  return node.nodeType === ELEMENT_NODE && 'tagName' in node
}

function tagOf(element: DominoElement): string {
  return element.tagName.toLowerCase()
}
