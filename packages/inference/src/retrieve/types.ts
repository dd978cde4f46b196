/** One passage retrieval considered, with every score the trace and the playground show. */
export type Candidate = {
  chunkId: string
  documentId: string
  documentSlug: string
  versionId: string
  title: string
  headingPath: string[]
  text: string
  pageStart: number | null
  pageEnd: number | null
  tokenCount: number
  charStart: number
  vectorScore: number | null
  vectorRank: number | null
  textScore: number | null
  textRank: number | null
  fusedScore: number
  rank: number
}

export type RetrievalFilters = {
  /** Restrict to these documents (ids or slugs). */
  documentIds?: string[]
  documentSlugs?: string[]
  /** Documents carrying any of these tags. */
  tags?: string[]
}

export type RetrievalRequest = {
  query: string
  /** The asking user's readable groups: the ACL, applied inside the SQL. */
  groupIds: string[]
  filters?: RetrievalFilters
  /** How many candidates each side (vector, text) contributes before fusion. */
  candidates: number
  /** Weighted RRF: how much each side counts. */
  weights?: { vector: number; text: number }
}
