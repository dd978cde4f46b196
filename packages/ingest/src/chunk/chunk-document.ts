import { countTokens } from '@policydesk/text'
import type { ParsedDocument } from '../parse/types'
import { layoutDocument, type PlacedBlock } from './layout'
import { blockToUnits, type Unit } from './units'

export type ChunkOptions = {
  /** Upper bound per chunk, in o200k tokens. */
  maxTokens: number
  /** Tokens of the previous chunk repeated at the start of the next one inside the same section. */
  overlapTokens: number
  /** Chunks smaller than this merge into a neighbour from the same section family. */
  minTokens: number
}

/** Matches the INGEST_CHUNK_* defaults (`chunkOptionsFromEnv`): 160-token units, measured in docs/quality.md. */
export const defaultChunkOptions: ChunkOptions = { maxTokens: 160, overlapTokens: 16, minTokens: 24 }

export type DocumentChunk = {
  ordinal: number
  headingPath: string[]
  text: string
  charStart: number
  charEnd: number
  pageStart: number | null
  pageEnd: number | null
  tokenCount: number
  /** Text the chunk depends on but does not contain (a split table's header row): indexed, not shown. */
  context?: string[]
}

type Section = { headingPath: string[]; blocks: PlacedBlock[] }
type Draft = { headingPath: string[]; units: Unit[] }

/**
 * Structure-aware chunking: the document's own sections first (heading paths), then a token budget inside
 * each section, with a small overlap; tiny fragments merge into a neighbour. Every chunk's text is an
 * exact slice of the extracted text (`charStart..charEnd`), which is what citations highlight.
 */
export function chunkDocument(
  doc: ParsedDocument,
  options: ChunkOptions = defaultChunkOptions,
): { text: string; chunks: DocumentChunk[] } {
  const layout = layoutDocument(doc)
  const drafts: Draft[] = []
  for (const section of toSections(layout.blocks)) {
    const units = section.blocks.flatMap((b) => blockToUnits(b, layout.text, options.maxTokens))
    drafts.push(...packSection(section.headingPath, units, options))
  }
  const merged = mergeTinyDrafts(drafts, layout.text, options)
  const chunks = merged.map((draft, ordinal) => toChunk(draft, ordinal, layout.text))
  return { text: layout.text, chunks }
}

/** Consecutive content blocks under the same heading path; headings themselves start new sections. */
function toSections(blocks: PlacedBlock[]): Section[] {
  const sections: Section[] = []
  let current: Section | null = null
  for (const placed of blocks) {
    if (placed.block.kind === 'heading') {
      current = null
      continue
    }
    if (!current || current.headingPath.join('\u0000') !== placed.headingPath.join('\u0000')) {
      current = { headingPath: placed.headingPath, blocks: [] }
      sections.push(current)
    }
    current.blocks.push(placed)
  }
  return sections
}

function packSection(headingPath: string[], units: Unit[], options: ChunkOptions): Draft[] {
  const drafts: Draft[] = []
  let current: Unit[] = []
  let tokens = 0
  for (const unit of units) {
    if (current.length > 0 && tokens + unit.tokens > options.maxTokens) {
      drafts.push({ headingPath, units: current })
      current = overlapTail(current, options.overlapTokens, options.maxTokens - unit.tokens)
      tokens = current.reduce((sum, u) => sum + u.tokens, 0)
    }
    current.push(unit)
    tokens += unit.tokens
  }
  if (current.length > 0) drafts.push({ headingPath, units: current })
  return drafts
}

/** The trailing sentences/lines of a chunk that fit in the overlap budget (whole blocks never repeat). */
function overlapTail(units: Unit[], overlapTokens: number, room: number): Unit[] {
  const tail: Unit[] = []
  let tokens = 0
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i]
    if (!unit?.separable || tokens + unit.tokens > Math.min(overlapTokens, room)) break
    tail.unshift(unit)
    tokens += unit.tokens
  }
  return tail
}

function draftTokens(draft: Draft, text: string): number {
  const first = draft.units[0]
  const last = draft.units.at(-1)
  return first && last ? countTokens(text.slice(first.start, last.end)) : 0
}

/** Parent path shared by two drafts: a merged chunk keeps only the headings both sides live under. */
function commonPath(a: string[], b: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i] as string)
  return out
}

function mergeTinyDrafts(drafts: Draft[], text: string, options: ChunkOptions): Draft[] {
  const out: Draft[] = []
  for (const draft of drafts) {
    const previous = out.at(-1)
    if (previous) {
      const small =
        draftTokens(draft, text) < options.minTokens || draftTokens(previous, text) < options.minTokens
      const candidate = {
        headingPath: commonPath(previous.headingPath, draft.headingPath),
        units: [...previous.units, ...draft.units],
      }
      // Merge only within the same top-level section, so a chunk never spans two unrelated chapters.
      const related =
        candidate.headingPath.length > 0 ||
        (previous.headingPath.length === 0 && draft.headingPath.length === 0)
      if (small && related && draftTokens(candidate, text) <= options.maxTokens) {
        out[out.length - 1] = dedupeUnits(candidate)
        continue
      }
    }
    out.push(draft)
  }
  return out
}

/** Overlap units can appear in two adjacent drafts; a merged draft keeps each span once. */
function dedupeUnits(draft: Draft): Draft {
  const seen = new Set<number>()
  const units = draft.units.filter((u) => {
    if (seen.has(u.start)) return false
    seen.add(u.start)
    return true
  })
  units.sort((a, b) => a.start - b.start)
  return { headingPath: draft.headingPath, units }
}

function toChunk(draft: Draft, ordinal: number, text: string): DocumentChunk {
  const charStart = Math.min(...draft.units.map((u) => u.start))
  const charEnd = Math.max(...draft.units.map((u) => u.end))
  const pages = draft.units.map((u) => u.page).filter((p): p is number => typeof p === 'number')
  const body = text.slice(charStart, charEnd)
  return {
    ordinal,
    headingPath: draft.headingPath,
    text: body,
    charStart,
    charEnd,
    pageStart: pages.length > 0 ? Math.min(...pages) : null,
    pageEnd: pages.length > 0 ? Math.max(...pages) : null,
    tokenCount: countTokens(body),
    // A header inside the chunk's own text needs no repeating.
    context: [
      ...new Set(draft.units.flatMap((u) => (u.context && !body.includes(u.context) ? [u.context] : []))),
    ],
  }
}
