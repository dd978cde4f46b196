import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast'
import type { MarkedNode } from '@/lib/shared/markdown/mdast-nodes'

/** A text node of a Markdown tree and the span of its characters in the tree's plain text. */
export type TextLeaf = { node: Text; parent: Parent; block: Parent; start: number; end: number }

/** Blocks whose inline content reads as one run of text (sentences never cross them). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell'])

/**
 * The tree's visible text in document order, as one string (blocks separated by a line break), with the
 * text nodes it came from. Code is left out: it is never highlighted.
 */
export function textLeaves(tree: Root): { text: string; leaves: TextLeaf[] } {
  const leaves: TextLeaf[] = []
  let text = ''
  let lastBlock: Parent | null = null
  const walk = (node: Nodes, parent: Parent | null, block: Parent | null) => {
    if (node.type === 'text' && parent && block) {
      if (lastBlock && lastBlock !== block) text += '\n'
      lastBlock = block
      leaves.push({ node, parent, block, start: text.length, end: text.length + node.value.length })
      text += node.value
      return
    }
    if (node.type === 'code' || node.type === 'inlineCode' || !('children' in node)) return
    const inner = TEXT_BLOCKS.has(node.type) ? node : block
    for (const child of node.children) walk(child as Nodes, node, inner)
  }
  walk(tree, null, null)
  return { text, leaves }
}

/** A span of the plain text to wrap, and what to wrap it in. */
export type TextRange = {
  start: number
  end: number
  wrap: (children: Text[]) => MarkedNode
  /** Inserted after the range's last character (e.g. an "unverified" badge). */
  after?: () => PhrasingContent
}

/**
 * Wraps each range of the plain text (from `textLeaves`) in its node. A range crossing several text nodes
 * (bold inside a sentence) becomes one wrapper per text node, so the tree stays well formed.
 */
export function wrapRanges(leaves: TextLeaf[], ranges: TextRange[]): void {
  if (ranges.length === 0) return
  // Back to front: splicing a text node never moves the ones still to do.
  for (const leaf of [...leaves].reverse()) {
    const hits = ranges.filter((r) => r.start < leaf.end && r.end > leaf.start)
    if (hits.length === 0) continue
    const value = leaf.node.value
    const out: PhrasingContent[] = []
    let at = 0
    for (const range of hits.sort((a, b) => a.start - b.start)) {
      const from = Math.max(range.start - leaf.start, at)
      const to = Math.min(range.end - leaf.start, value.length)
      if (from > at) out.push({ type: 'text', value: value.slice(at, from) })
      if (to > from) out.push(range.wrap([{ type: 'text', value: value.slice(from, to) }]))
      if (range.after && range.end <= leaf.end) out.push(range.after())
      at = Math.max(at, to)
    }
    if (at < value.length) out.push({ type: 'text', value: value.slice(at) })
    const index = leaf.parent.children.indexOf(leaf.node)
    if (index !== -1) leaf.parent.children.splice(index, 1, ...(out as Parent['children']))
  }
}

/** Lower-cased words of a text with their offsets: matching ignores spacing, punctuation and emphasis. */
function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }))
}

/**
 * Where `needle` occurs in `haystack` word for word (case, spacing, punctuation and Markdown emphasis
 * ignored): the span from its first word to its last, or null.
 */
export function findWords(haystack: string, needle: string): { start: number; end: number } | null {
  const want = words(needle).map((w) => w.word)
  if (want.length === 0) return null
  const have = words(haystack)
  outer: for (let i = 0; i + want.length <= have.length; i++) {
    for (let j = 0; j < want.length; j++) if (have[i + j]?.word !== want[j]) continue outer
    const first = have[i]
    const last = have[i + want.length - 1]
    if (first && last) return { start: first.start, end: last.end }
  }
  return null
}
