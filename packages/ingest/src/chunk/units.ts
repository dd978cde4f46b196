import type { PlacedBlock } from './layout'
import { countTokens, splitByTokens } from './tokens'

/** The smallest piece the packer moves around: a block, or a sentence/line of a block too big for a chunk. */
export type Unit = { start: number; end: number; tokens: number; page?: number; separable: boolean }

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
  for (const piece of pieces) {
    const start = placed.start + piece.offset
    const pieceTokens = countTokens(piece.text)
    if (pieceTokens <= maxTokens) {
      units.push({ start, end: start + piece.text.length, tokens: pieceTokens, page, separable: true })
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
