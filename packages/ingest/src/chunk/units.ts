import { countTokens, splitByTokens } from '@policydesk/text'
import type { PlacedBlock } from './layout'

/**
 * The smallest piece the packer moves around: a block, or a sentence/line of a block too big for a chunk.
 * `context` is text the unit depends on but does not contain — the header row of a table split across
 * chunks — indexed with the unit's terms, never shown as its text.
 */
export type Unit = {
  start: number
  end: number
  tokens: number
  page?: number
  separable: boolean
  context?: string
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Splits one placed block into units no larger than `maxTokens`. */
export function blockToUnits(placed: PlacedBlock, fullText: string, maxTokens: number): Unit[] {
  const text = fullText.slice(placed.start, placed.end)
  const page = placed.block.page
  const tokens = countTokens(text)
  if (tokens <= maxTokens) return [{ start: placed.start, end: placed.end, tokens, page, separable: false }]

  // Lists and tables split at line boundaries (a row stays whole); prose at sentence boundaries.
  const pieces =
    placed.block.kind === 'paragraph' || placed.block.kind === 'heading'
      ? sentencePieces(text)
      : linePieces(text)
  const units: Unit[] = []
  // A table's rows after the first chunk still answer to its column headers ("Lisbon (EUR)").
  const header = placed.block.kind === 'table' ? pieces[0]?.text : undefined
  for (const [index, piece] of pieces.entries()) {
    const start = placed.start + piece.offset
    const context = header !== undefined && index > 0 ? { context: header } : {}
    const pieceTokens = countTokens(piece.text)
    if (pieceTokens <= maxTokens) {
      units.push({
        start,
        end: start + piece.text.length,
        tokens: pieceTokens,
        page,
        separable: true,
        ...context,
      })
      continue
    }
    // A single sentence or row over budget: cut at token boundaries, tracking offsets in the original.
    let offset = start
    for (const part of splitByTokens(piece.text, maxTokens)) {
      units.push({
        start: offset,
        end: offset + part.length,
        tokens: countTokens(part),
        page,
        separable: true,
      })
      offset += part.length
    }
  }
  return units
}

type Piece = { text: string; offset: number }

function sentencePieces(text: string): Piece[] {
  const pieces: Piece[] = []
  for (const segment of sentenceSegmenter.segment(text)) {
    const trimmed = segment.segment.trimEnd()
    if (trimmed.trim().length === 0) continue
    const lead = trimmed.length - trimmed.trimStart().length
    pieces.push({ text: trimmed.trimStart(), offset: segment.index + lead })
  }
  return pieces
}

function linePieces(text: string): Piece[] {
  const pieces: Piece[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    if (line.trim().length > 0) pieces.push({ text: line, offset })
    offset += line.length + 1
  }
  return pieces
}
