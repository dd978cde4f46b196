import type { Block, ParsedDocument } from '../parse/types'

/** A block placed in the document's extracted text, with the headings above it. */
export type PlacedBlock = {
  block: Block
  start: number
  end: number
  headingPath: string[]
}

export type Layout = { text: string; blocks: PlacedBlock[] }

const BLOCK_SEPARATOR = '\n\n'

/**
 * Lays the parsed blocks out as one text (blocks separated by a blank line) and tracks the heading path of
 * every block. Chunk spans point into this text, so a citation can highlight the exact passage.
 */
export function layoutDocument(doc: ParsedDocument): Layout {
  const placed: PlacedBlock[] = []
  const stack: { level: number; text: string }[] = []
  let text = ''
  for (const block of doc.blocks) {
    const content = block.text.trim()
    if (content.length === 0) continue
    if (block.kind === 'heading') {
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= block.level) stack.pop()
      stack.push({ level: block.level, text: content })
    }
    if (text.length > 0) text += BLOCK_SEPARATOR
    const start = text.length
    text += content
    placed.push({
      block: { ...block, text: content },
      start,
      end: text.length,
      headingPath: stack.map((h) => h.text),
    })
  }
  return { text, blocks: placed }
}
