import { contentTerms } from '@policydesk/ingest'
import type { Candidate } from './types'

/** Jaccard similarity of two passages' content-term sets. */
export function termJaccard(a: string, b: string): number {
  const left = new Set(contentTerms(a))
  const right = new Set(contentTerms(b))
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const term of left) if (right.has(term)) shared++
  return shared / (left.size + right.size - shared)
}

export const NEAR_DUPLICATE_JACCARD = 0.8

/**
 * Picks the passages that go into the prompt: in fused order, skipping near-duplicates of a passage already
 * taken (the same clause copied across policies, overlapping chunks), until the token budget or the source
 * limit is reached. A passage that alone exceeds the budget is skipped rather than truncated mid-clause.
 */
export function selectContext(
  candidates: Candidate[],
  options: { maxTokens: number; maxSources: number },
): Candidate[] {
  const chosen: Candidate[] = []
  let tokens = 0
  for (const candidate of candidates) {
    if (chosen.length >= options.maxSources) break
    if (tokens + candidate.tokenCount > options.maxTokens) continue
    if (chosen.some((c) => termJaccard(c.text, candidate.text) >= NEAR_DUPLICATE_JACCARD)) continue
    chosen.push(candidate)
    tokens += candidate.tokenCount
  }
  return chosen
}
