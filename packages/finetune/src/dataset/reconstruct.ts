import { buildAnswerPrompt, type Candidate, PROMPT_VERSION } from '@policydesk/inference'
import type { ChatExample } from './format'
import { shuffle } from './random'
import type { ChunkRow, DropReason, ReviewedTrace } from './types'

type Sources = Parameters<typeof buildAnswerPrompt>[1]

/**
 * Prompt templates by the version recorded in traces. Only versions whose template is still in the code can
 * be rebuilt exactly; a trace of a retired version is dropped ("prompt-version") rather than re-prompted
 * with a template the model never saw.
 */
export const PROMPT_BUILDERS: Record<string, typeof buildAnswerPrompt> = {
  [PROMPT_VERSION]: buildAnswerPrompt,
}

const CITATION = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g

/** Rewrites citation markers ("[2]", "[1, 3]") through `map`; numbers not in the map stay as they are. */
export function renumberCitations(text: string, map: Map<number, number>): string {
  return text.replace(CITATION, (_, list: string) => {
    const numbers = list.split(',').map((n) => Number(n.trim()))
    const mapped = [...new Set(numbers.map((n) => map.get(n) ?? n))].sort((a, b) => a - b)
    return `[${mapped.join(', ')}]`
  })
}

function toCandidate(chunk: ChunkRow, title: string, rank: number): Candidate {
  return {
    chunkId: chunk.chunkId,
    documentId: chunk.documentId,
    documentSlug: chunk.documentSlug,
    versionId: chunk.versionId,
    title,
    headingPath: chunk.headingPath,
    text: chunk.text,
    pageStart: chunk.pageStart,
    pageEnd: chunk.pageEnd,
    tokenCount: chunk.tokenCount,
    charStart: chunk.charStart,
    // Prompts never read the position; neighbours were already expanded when the trace was written.
    ordinal: 0,
    vectorScore: null,
    vectorRank: null,
    textScore: null,
    textRank: null,
    fusedScore: 0,
    rank,
  }
}

export type Reconstructed =
  | { ok: true; example: ChatExample; sources: ChunkRow[]; augmented: boolean }
  | { ok: false; reason: DropReason; detail: string }

/**
 * Rebuilds one training example as the model saw it: the system prompt of the trace's prompt version with
 * the passages that were in its context (in their original numbering), the (rewritten) question the model
 * answered, and the reviewed answer. A correction that cites a passage the model never saw adds that passage
 * to the context (`augmented`). Distractors (RAFT) are mixed in at seeded random positions, and the answer's
 * citation numbers follow their passages.
 */
export function reconstructExample(
  trace: ReviewedTrace,
  chunks: Map<string, ChunkRow>,
  options: { distractors?: ChunkRow[]; random?: () => number } = {},
): Reconstructed {
  const build = PROMPT_BUILDERS[trace.promptVersion]
  if (!build) return { ok: false, reason: 'prompt-version', detail: trace.promptVersion }

  const used = trace.candidates.filter((c) => c.used)
  for (const citation of trace.citations) {
    if (used[citation.n - 1]?.chunkId !== citation.chunkId)
      return { ok: false, reason: 'inconsistent-trace', detail: `citation [${citation.n}]` }
  }
  const context: { chunk: ChunkRow; title: string }[] = []
  for (const candidate of used) {
    const chunk = chunks.get(candidate.chunkId)
    if (!chunk) return { ok: false, reason: 'purged', detail: candidate.chunkId }
    context.push({ chunk, title: candidate.title })
  }

  let answer = trace.verdict === 'corrected' ? (trace.correctedAnswer ?? '') : trace.answer
  if (answer.trim() === '') return { ok: false, reason: 'empty-answer', detail: trace.reviewId }
  let augmented = false
  if (trace.verdict === 'corrected' && trace.correctedCitations) {
    // The correction's [n] refer to its own citation list: point them at positions in the context.
    const map = new Map<number, number>()
    for (const citation of trace.correctedCitations) {
      let index = context.findIndex((c) => c.chunk.chunkId === citation.chunkId)
      if (index === -1) {
        const chunk = chunks.get(citation.chunkId)
        if (!chunk) return { ok: false, reason: 'purged', detail: citation.chunkId }
        context.push({ chunk, title: citation.title })
        index = context.length - 1
        augmented = true
      }
      map.set(citation.n, index + 1)
    }
    answer = renumberCitations(answer, map)
  }
  if (context.some((c) => c.chunk.documentDeleted))
    return { ok: false, reason: 'document-deleted', detail: trace.traceId }

  let ordered = context
  const distractors = options.distractors ?? []
  if (distractors.length > 0) {
    const mixed = [...context, ...distractors.map((chunk) => ({ chunk, title: chunk.title }))]
    ordered = shuffle(mixed, options.random ?? Math.random)
    const map = new Map(context.map((c, i) => [i + 1, ordered.indexOf(c) + 1]))
    answer = renumberCitations(answer, map)
  }
  const sources: Sources = ordered.map((c, i) => ({
    n: i + 1,
    candidate: toCandidate(c.chunk, c.title, i + 1),
  }))
  const prompt = build(trace.rewrittenQuery, sources)
  return {
    ok: true,
    augmented,
    sources: ordered.map((c) => c.chunk),
    example: {
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
        { role: 'assistant', content: answer.trim() },
      ],
    },
  }
}
