import type { Data, Parent } from 'mdast'

/**
 * Inline nodes our remark plugins add to a Markdown tree. Each carries `data.hName`/`hProperties`, which
 * remark-rehype turns into an element that the renderer's components recognise by its data attribute.
 */
export interface CitationNode extends Parent {
  type: 'citation'
  children: []
  data: Data & { hName: 'sup'; hProperties: { dataCitation: number } }
}

export interface MarkedNode extends Parent {
  type: 'marked'
  data: Data & { hName: 'mark' | 'span'; hProperties: Record<string, string | boolean> }
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode
    marked: MarkedNode
  }
  interface RootContentMap {
    citation: CitationNode
    marked: MarkedNode
  }
}

/** A `[n]` citation marker: rendered as a button that opens source n. */
export function citationNode(n: number): CitationNode {
  return { type: 'citation', children: [], data: { hName: 'sup', hProperties: { dataCitation: n } } }
}
