import type { SearchFilters, schema } from '@policydesk/db'

/** A unit next to a candidate that the context may include with it (the list a "…:" unit introduces). */
export type Neighbour = {
  chunkId: string
  headingPath: string[]
  text: string
  pageStart: number | null
  pageEnd: number | null
  tokenCount: number
  charStart: number
  ordinal: number
}

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
  /** Position of the unit in its version: neighbours are ordinal ± 1. */
  ordinal: number
  vectorScore: number | null
  vectorRank: number | null
  /** BM25 score of the unit. */
  textScore: number | null
  textRank: number | null
  fusedScore: number
  /** The cross-encoder's score when it re-ranked this candidate (crossEncoderRerank); null or absent otherwise. */
  rerankScore?: number | null
  rank: number
  /** The indexed terms of the unit (with its title, headings and table header), when retrieval read them. */
  terms?: string[]
  next?: Neighbour | null
  previous?: Neighbour | null
  /** Whom the passage applies to (its section's, else its document's applicability), when restricted. */
  appliesTo?: schema.Applicability | null
  /** Restricted on a dimension the asker's profile matches: its fused score was boosted. */
  profileMatch?: boolean
}

export type RetrievalFilters = SearchFilters

export type RetrievalRequest = {
  query: string
  /** The asking user's readable groups: the ACL, applied inside the SQL. */
  groupIds: string[]
  filters?: RetrievalFilters
  /** How many candidates each side (vector, text) contributes before fusion. */
  candidates: number
  /** Weighted RRF: how much each side counts. */
  weights?: { vector: number; text: number }
  bm25: { k1: number; b: number }
  /** The asker's profile: passages for other profiles are excluded, matching ones boosted. */
  attributes?: schema.UserAttributes
  /** fused × (1 + profileBoost) for a profile match (default PROFILE_BOOST). */
  profileBoost?: number
}
