import { contentTerms } from '@policydesk/text'
import type { Candidate, Neighbour } from './types'

/** Jaccard similarity of two passages' content-term sets. */
export function termJaccard(a: string, b: string): number {
  return jaccard(new Set(contentTerms(a)), new Set(contentTerms(b)))
}

function jaccard(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const term of left) if (right.has(term)) shared++
  return shared / (left.size + right.size - shared)
}

export const NEAR_DUPLICATE_JACCARD = 0.8

/** A passage in the prompt: a retrieved candidate, or a neighbour pulled in next to one (`neighbourOf`). */
export type ContextPassage = Candidate & { neighbourOf?: string }

export type ContextOptions = { maxTokens: number; maxSources: number }

/** A neighbour as a passage of the same document, ranked with the candidate that brought it in. */
function neighbourPassage(anchor: Candidate, neighbour: Neighbour): ContextPassage {
  return {
    ...anchor,
    ...neighbour,
    vectorScore: null,
    vectorRank: null,
    textScore: null,
    textRank: null,
    next: null,
    previous: null,
    terms: undefined,
    neighbourOf: anchor.chunkId,
  }
}

/**
 * Fills the context budget: passages in ranked order, skipping near-duplicates of one already taken (the
 * same clause copied across policies, overlapping units) and any that no longer fit (never truncated
 * mid-clause); a unit that introduces a list ("…if you:") brings the list that follows it, and a list
 * brings the sentence that introduces it, when the budget allows — small units answer precisely, but a
 * condition and its cases only make sense together (docs/quality.md, "Context for a token budget").
 */
export function selectContext(candidates: Candidate[], options: ContextOptions): ContextPassage[] {
  const chosen: ContextPassage[] = []
  const taken = new Set<string>()
  let tokens = 0
  const fits = (passage: { tokenCount: number }) =>
    chosen.length < options.maxSources && tokens + passage.tokenCount <= options.maxTokens
  // Each passage's term set once: every candidate is compared with every passage already chosen.
  const termSets = new Map<string, Set<string>>()
  const termsOf = (text: string) => {
    const known = termSets.get(text)
    if (known) return known
    const set = new Set(contentTerms(text))
    termSets.set(text, set)
    return set
  }
  const isDuplicate = (text: string) =>
    chosen.some((c) => jaccard(termsOf(c.text), termsOf(text)) >= NEAR_DUPLICATE_JACCARD)
  const take = (passage: ContextPassage, at = chosen.length) => {
    chosen.splice(at, 0, passage)
    taken.add(passage.chunkId)
    tokens += passage.tokenCount
  }

  for (const candidate of candidates) {
    if (chosen.length >= options.maxSources) break
    if (taken.has(candidate.chunkId) || !fits(candidate) || isDuplicate(candidate.text)) continue
    take(candidate)
    const anchorAt = chosen.length - 1
    const previous = candidate.previous
    if (previous && !taken.has(previous.chunkId) && fits(previous) && !isDuplicate(previous.text))
      take(neighbourPassage(candidate, previous), anchorAt)
    const next = candidate.next
    if (next && !taken.has(next.chunkId) && fits(next) && !isDuplicate(next.text))
      take(neighbourPassage(candidate, next))
  }
  return chosen
}
