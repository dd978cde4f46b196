import { type DbOrTx, type NeighbourRow, searchChunks, type TermStats } from '@policydesk/db'
import { contentTerms } from '@policydesk/text'
import { reciprocalRankFusion } from './fusion'
import type { Candidate, Neighbour, RetrievalRequest } from './types'

const toNeighbour = (row: NeighbourRow | null): Neighbour | null =>
  row && {
    chunkId: row.chunk_id,
    headingPath: row.heading_path,
    text: row.text,
    pageStart: row.page_start,
    pageEnd: row.page_end,
    tokenCount: row.token_count,
    charStart: row.char_start,
    ordinal: row.ordinal,
  }

/**
 * How much a passage written for the asker's profile (their country's leave rule) is preferred over a
 * general one: fused × (1 + boost). Small on purpose: it breaks near-ties, it does not outrank relevance.
 */
export const PROFILE_BOOST = 0.25

const toNumber = (value: number | string | null) => (value === null ? null : Number(value))

/**
 * Hybrid retrieval: the question's terms (the tokenizer that indexed the chunks) and its embedding go to
 * ONE SQL statement (BM25 + vector kNN under the reader's ACL, `searchChunks`), then the two rankings are
 * fused with weighted reciprocal rank fusion.
 */
export async function hybridSearch(
  db: DbOrTx,
  request: RetrievalRequest & { vector: number[]; model: string; dimensions: number },
): Promise<{ candidates: Candidate[]; stats: TermStats }> {
  const { rows, stats } = await searchChunks(db, {
    groupIds: request.groupIds,
    filters: request.filters,
    terms: contentTerms(request.query),
    vector: request.vector,
    model: request.model,
    dimensions: request.dimensions,
    candidates: request.candidates,
    bm25: request.bm25,
    attributes: request.attributes,
  })
  const boost = request.profileBoost ?? PROFILE_BOOST
  const fused = reciprocalRankFusion(
    rows.map((row) => ({
      ...row,
      id: row.chunk_id,
      vectorRank: toNumber(row.vector_rank),
      textRank: toNumber(row.text_rank),
    })),
    request.weights,
  )
    .map((row) =>
      row.profile_match && boost > 0 ? { ...row, fusedScore: row.fusedScore * (1 + boost) } : row,
    )
    .sort((a, b) => b.fusedScore - a.fusedScore || a.id.localeCompare(b.id))
  const candidates = fused.map((row, index) => ({
    chunkId: row.chunk_id,
    documentId: row.document_id,
    documentSlug: row.slug,
    versionId: row.version_id,
    title: row.title,
    headingPath: row.heading_path,
    text: row.text,
    pageStart: row.page_start,
    pageEnd: row.page_end,
    tokenCount: row.token_count,
    charStart: row.char_start,
    ordinal: row.ordinal,
    vectorScore: toNumber(row.vector_score),
    vectorRank: row.vectorRank,
    textScore: toNumber(row.text_score),
    textRank: row.textRank,
    fusedScore: row.fusedScore,
    rank: index + 1,
    terms: row.terms,
    next: toNeighbour(row.next),
    previous: toNeighbour(row.previous),
    appliesTo: row.applies_to,
    profileMatch: row.profile_match,
  }))
  return { candidates, stats }
}
