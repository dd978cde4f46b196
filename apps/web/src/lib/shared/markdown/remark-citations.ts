import type { Nodes, PhrasingContent, Root } from 'mdast'
import { citationNode } from '@/lib/shared/markdown/mdast-nodes'

/** `[1]`, `[2, 3]`: what the answerers write after a claim. */
export const CITATION_MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g

function split(value: string): PhrasingContent[] | null {
  const out: PhrasingContent[] = []
  let last = 0
  for (const match of value.matchAll(CITATION_MARKER)) {
    const index = match.index ?? 0
    if (index > last) out.push({ type: 'text', value: value.slice(last, index) })
    for (const n of (match[1] ?? '').split(',')) out.push(citationNode(Number(n.trim())))
    last = index + match[0].length
  }
  if (last === 0) return null
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) })
  return out
}

/**
 * Turns `[n]` markers in text into citation nodes. Markdown would read `[1]` as plain text anyway (there
 * are no link definitions); code keeps its brackets.
 */
export function remarkCitations() {
  return (tree: Root) => {
    const walk = (node: Nodes) => {
      if (!('children' in node)) return
      const children = node.children as Nodes[]
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]
        if (!child) continue
        if (child.type === 'text') {
          const parts = split(child.value)
          if (parts) children.splice(i, 1, ...parts)
        } else walk(child)
      }
    }
    walk(tree)
  }
}
