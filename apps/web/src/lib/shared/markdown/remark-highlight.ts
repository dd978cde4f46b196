import type { Root } from 'mdast'
import { findWords, textLeaves, wrapRanges } from '@/lib/shared/markdown/text-leaves'

/**
 * Marks the passage's supporting quote (`<mark data-quote>`), matched word for word so Markdown syntax,
 * spacing and table cell borders in between do not prevent the match. No match: nothing is marked.
 */
export function remarkHighlight(options: { quote: string }) {
  return (tree: Root) => {
    const { text, leaves } = textLeaves(tree)
    const span = findWords(text, options.quote)
    if (!span) return
    wrapRanges(leaves, [
      {
        ...span,
        wrap: (children) => ({
          type: 'marked',
          children,
          data: { hName: 'mark', hProperties: { dataQuote: true } },
        }),
      },
    ])
  }
}
