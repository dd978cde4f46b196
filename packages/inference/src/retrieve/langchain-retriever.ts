import { Document } from '@langchain/core/documents'
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers'
import { retrieveContext } from '../pipeline/retrieve'
import type { InferenceDeps } from '../pipeline/types'
import type { RetrievalFilters } from './types'

/**
 * Policy Desk retrieval as a LangChain retriever, for chains and agents built elsewhere. The reader's
 * groups are fixed at construction: the ACL is as strict here as in the answer pipeline.
 */
export class PolicyDeskRetriever extends BaseRetriever {
  override lc_namespace = ['policydesk', 'retrievers']

  constructor(
    private readonly deps: InferenceDeps,
    private readonly groupIds: string[],
    private readonly filters: RetrievalFilters = {},
    fields: BaseRetrieverInput = {},
  ) {
    super(fields)
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const { context } = await retrieveContext(this.deps, query, this.groupIds, this.filters)
    return context.map(
      (c) =>
        new Document({
          pageContent: c.text,
          metadata: {
            chunkId: c.chunkId,
            documentId: c.documentId,
            slug: c.documentSlug,
            title: c.title,
            versionId: c.versionId,
            headingPath: c.headingPath,
            page: c.pageStart,
            fusedScore: c.fusedScore,
            vectorScore: c.vectorScore,
            textScore: c.textScore,
          },
        }),
    )
  }
}
