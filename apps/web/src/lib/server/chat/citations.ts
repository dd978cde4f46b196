import 'server-only'
import { type CitationSource, citationSources, type Database } from '@policydesk/db'
import type { AnswerCitation } from '@policydesk/inference'
import type { UiCitation } from '@/lib/shared/chat/types'

type StoredCitation = Pick<
  AnswerCitation,
  'n' | 'documentId' | 'title' | 'versionId' | 'chunkId' | 'quote' | 'appliesTo'
> & {
  page: number | null
}

/** One query for every cited chunk the reader may still read (access can change after an answer). */
export async function readableSources(
  db: Database,
  chunkIds: string[],
  groupIds: string[],
): Promise<Map<string, CitationSource>> {
  const sources = await citationSources(db, { chunkIds: [...new Set(chunkIds)], groupIds })
  return new Map(sources.map((s) => [s.chunkId, s]))
}

/** Completes citations for display (version number, heading path, passage); unreadable ones are dropped. */
export function completeCitations(
  citations: StoredCitation[],
  sources: Map<string, CitationSource>,
): UiCitation[] {
  return citations.flatMap((c) => {
    const source = sources.get(c.chunkId)
    if (!source) return []
    return [
      {
        n: c.n,
        documentId: c.documentId,
        title: source.title,
        versionId: c.versionId,
        versionNo: source.versionNo,
        chunkId: c.chunkId,
        headingPath: source.headingPath,
        page: c.page ?? source.page,
        passage: source.passage,
        quote: c.quote,
        ...(c.appliesTo ? { appliesTo: c.appliesTo } : {}),
      },
    ]
  })
}

export async function toUiCitations(
  db: Database,
  citations: StoredCitation[],
  groupIds: string[],
): Promise<UiCitation[]> {
  return completeCitations(
    citations,
    await readableSources(
      db,
      citations.map((c) => c.chunkId),
      groupIds,
    ),
  )
}
