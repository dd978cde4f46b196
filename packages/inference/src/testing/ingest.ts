import type { Database } from '@policydesk/db'
import { type EmbeddingProvider, processVersion, submitDocumentVersion } from '@policydesk/ingest'

export type TestDocument = {
  slug: string
  title: string
  /** Markdown body under the title heading. */
  body: string
  groups?: string[]
  tags?: string[]
  documentId?: string
}

/** Submits a Markdown document version and processes it in-process (parse → chunk → embed → store). */
export async function ingestMarkdown(
  db: Database,
  embedder: EmbeddingProvider,
  doc: TestDocument,
): Promise<{ documentId: string; versionId: string }> {
  const submitted = await submitDocumentVersion(db, {
    slug: doc.slug,
    title: doc.title,
    documentId: doc.documentId,
    sourceName: `${doc.slug}.md`,
    bytes: Buffer.from(`# ${doc.title}\n\n${doc.body.trim()}\n`),
    declaredMime: 'text/markdown',
    groups: doc.groups,
    tags: doc.tags,
  })
  const processed = await processVersion({ db, embedder, maxBytes: 5_000_000 }, submitted.versionId)
  if (processed.status !== 'ready')
    throw new Error(`ingest of ${doc.slug} ended ${JSON.stringify(processed)}`)
  return { documentId: submitted.documentId, versionId: submitted.versionId }
}
