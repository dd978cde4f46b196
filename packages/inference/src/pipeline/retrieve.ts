import { embedTexts } from '@policydesk/ingest'
import { readRankerSetting } from '../env'
import { hybridSearch } from '../retrieve/hybrid-search'
import { loadRanker, rerankCandidates } from '../retrieve/rerank'
import { selectContext } from '../retrieve/select-context'
import type { Candidate, RetrievalFilters } from '../retrieve/types'
import type { InferenceDeps } from './types'

export type RetrievalOutcome = {
  candidates: Candidate[]
  context: Candidate[]
  embedMs: number
  searchMs: number
}

/** Embed the query, run hybrid search under the reader's ACL, pick the context passages. */
export async function retrieve(
  deps: InferenceDeps,
  query: string,
  groupIds: string[],
  filters?: RetrievalFilters,
): Promise<RetrievalOutcome> {
  const t0 = performance.now()
  const [vector] = await embedTexts(deps.embedder, [query])
  const t1 = performance.now()
  const fused = await hybridSearch(deps.db, {
    query,
    groupIds,
    filters,
    candidates: deps.settings.candidates,
    weights: deps.settings.weights,
    vector: vector ?? [],
    model: deps.embedder.model,
    dimensions: deps.embedder.dimensions,
  })
  // RANKER=path re-orders the fused list with the learned ranker (loaded once); off by default.
  const ranker = readRankerSetting()
  const candidates = ranker === 'off' ? fused : rerankCandidates(query, fused, loadRanker(ranker))
  const t2 = performance.now()
  const context = selectContext(candidates, {
    maxTokens: deps.settings.contextTokens,
    maxSources: deps.settings.maxSources,
  })
  return { candidates, context, embedMs: t1 - t0, searchMs: t2 - t1 }
}
