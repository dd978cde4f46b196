import type { TermStats } from '@policydesk/db'
import { embedTexts } from '@policydesk/ingest'
import { type CrossEncoderOutcome, crossEncoderRerank } from '../retrieve/cross-encoder-rerank'
import { hybridSearch } from '../retrieve/hybrid-search'
import { rerankCandidates } from '../retrieve/rerank'
import { type ContextPassage, selectContext } from '../retrieve/select-context'
import type { Candidate, RetrievalFilters } from '../retrieve/types'
import type { Asker, InferenceDeps } from './types'

export type RetrievalOutcome = {
  candidates: Candidate[]
  stats: TermStats
  crossEncoder: CrossEncoderOutcome | null
  embedMs: number
  searchMs: number
  rerankMs: number
}

/**
 * The retrieve stage: embed the query (only when the vector side counts), BM25 + kNN under the reader's
 * ACL in one statement, fusion, then the optional re-rankers in the order docs/reranking.md explains —
 * the learned ranker over every candidate, the cross-encoder over the top N.
 */
export async function retrieve(
  deps: InferenceDeps,
  query: string,
  reader: string[] | Pick<Asker, 'groupIds' | 'attributes'>,
  filters?: RetrievalFilters,
  signal?: AbortSignal,
): Promise<RetrievalOutcome> {
  // A bare group list (eval, search tools without a person) reads without a profile.
  const { groupIds, attributes } = Array.isArray(reader)
    ? { groupIds: reader, attributes: undefined }
    : reader
  const t0 = performance.now()
  const useVector = deps.settings.weights.vector > 0
  const [vector] = useVector ? await embedTexts(deps.embedder, [query]) : [[]]
  const t1 = performance.now()
  const found = await hybridSearch(deps.db, {
    query,
    groupIds,
    attributes,
    profileBoost: deps.settings.profileBoost,
    filters,
    candidates: deps.settings.candidates,
    weights: deps.settings.weights,
    bm25: deps.settings.bm25,
    vector: vector ?? [],
    model: deps.embedder.model,
    dimensions: deps.embedder.dimensions,
  })
  const t2 = performance.now()
  let candidates = deps.ranker
    ? rerankCandidates(query, found.candidates, deps.ranker.artifact)
    : found.candidates
  let crossEncoder: CrossEncoderOutcome | null = null
  if (deps.crossEncoder && candidates.length > 0) {
    const reranked = await crossEncoderRerank(deps.crossEncoder, query, candidates, signal)
    candidates = reranked.candidates
    crossEncoder = reranked.outcome
  }
  return {
    candidates,
    stats: found.stats,
    crossEncoder,
    embedMs: t1 - t0,
    searchMs: t2 - t1,
    rerankMs: performance.now() - t2,
  }
}

/** Retrieval plus the passages that fill the context budget: what the prompt (or a LangChain chain) gets. */
export async function retrieveContext(
  deps: InferenceDeps,
  query: string,
  reader: string[] | Pick<Asker, 'groupIds' | 'attributes'>,
  filters?: RetrievalFilters,
  signal?: AbortSignal,
): Promise<RetrievalOutcome & { context: ContextPassage[] }> {
  const outcome = await retrieve(deps, query, reader, filters, signal)
  const context = selectContext(outcome.candidates, {
    maxTokens: deps.settings.contextTokens,
    maxSources: deps.settings.maxSources,
  })
  return { ...outcome, context }
}
