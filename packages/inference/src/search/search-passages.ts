import { versionNumbers } from '@policydesk/db'
import { retrieve } from '../pipeline/retrieve'
import type { Asker, InferenceDeps } from '../pipeline/types'
import { omitUntrustedSentences } from '../prompt/omit-untrusted'

export const MAX_SEARCH_RESULTS = 20

/** One passage a search found, with where it sits; its text with sentences addressed to an AI omitted. */
export type SearchPassage = {
  rank: number
  /** The passage itself: what a handoff reply (or any client) cites. */
  chunkId: string
  documentId: string
  title: string
  versionId: string
  versionNo: number | null
  headingPath: string[]
  pageStart: number | null
  pageEnd: number | null
  text: string
  /** Fused retrieval score (higher is better); comparable within one search only. */
  score: number
}

/**
 * Passages for a query under the reader's access (the same retrieval the chat uses, ACL inside the SQL),
 * best first. Search results often feed another AI (MCP clients), so the text goes through the same
 * omission of planted instructions as prompt text does (docs/security.md, "Untrusted document text").
 */
export async function searchPassages(
  deps: InferenceDeps,
  input: {
    query: string
    groupIds: string[]
    /** The reader's profile: passages written for other countries (offices…) are not returned. */
    attributes?: Asker['attributes']
    k: number
    signal?: AbortSignal
  },
): Promise<SearchPassage[]> {
  const k = Math.min(Math.max(1, Math.floor(input.k)), MAX_SEARCH_RESULTS)
  const { candidates } = await retrieve(
    deps,
    input.query,
    { groupIds: input.groupIds, attributes: input.attributes },
    undefined,
    input.signal,
  )
  const top = candidates.slice(0, k)
  const numbers = await versionNumbers(deps.db, [...new Set(top.map((c) => c.versionId))])
  return top.map((c, index) => ({
    rank: index + 1,
    chunkId: c.chunkId,
    documentId: c.documentId,
    title: c.title,
    versionId: c.versionId,
    versionNo: numbers.get(c.versionId) ?? null,
    headingPath: c.headingPath,
    pageStart: c.pageStart,
    pageEnd: c.pageEnd,
    text: omitUntrustedSentences(c.text).text,
    score: c.rerankScore ?? c.fusedScore,
  }))
}
