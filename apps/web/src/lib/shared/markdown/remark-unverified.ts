import type { Parent, Root } from 'mdast'
import { sentenceKey } from '@/lib/shared/markdown/sentence-key'
import { type TextLeaf, type TextRange, textLeaves, wrapRanges } from '@/lib/shared/markdown/text-leaves'

let segmenter: Intl.Segmenter | undefined

/** Sentence spans of one block's text, found like the validator finds them (Intl.Segmenter). */
function sentences(text: string, offset: number): { start: number; end: number; text: string }[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })
  return [...segmenter.segment(text)].map((s) => ({
    start: offset + s.index,
    end: offset + s.index + s.segment.trimEnd().length,
    text: s.segment,
  }))
}

/**
 * Marks answer sentences the validator could not support (`<span data-unverified>` plus a badge after
 * them). Runs after remarkCitations, so sentence texts are free of `[n]` markers, as the validator's are.
 */
export function remarkUnverified(options: { sentences: readonly string[] }) {
  const wanted = new Set(options.sentences.map(sentenceKey))
  return (tree: Root) => {
    if (wanted.size === 0) return
    const { text, leaves } = textLeaves(tree)
    const blocks = new Map<Parent, TextLeaf[]>()
    for (const leaf of leaves) blocks.set(leaf.block, [...(blocks.get(leaf.block) ?? []), leaf])
    const ranges: TextRange[] = []
    for (const blockLeaves of blocks.values()) {
      const start = blockLeaves[0]?.start ?? 0
      const end = blockLeaves.at(-1)?.end ?? start
      for (const sentence of sentences(text.slice(start, end), start)) {
        if (!wanted.has(sentenceKey(sentence.text))) continue
        ranges.push({
          start: sentence.start,
          end: sentence.end,
          wrap: (children) => ({
            type: 'marked',
            children,
            data: { hName: 'span', hProperties: { dataUnverified: true } },
          }),
          after: () => ({
            type: 'marked',
            children: [],
            data: { hName: 'span', hProperties: { dataUnverifiedBadge: true } },
          }),
        })
      }
    }
    wrapRanges(leaves, ranges)
  }
}
