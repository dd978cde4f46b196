import { type SQL, sql } from 'drizzle-orm'
import { hiddenDocumentIds } from './documents'
import { seesEverything, type Viewer } from './viewer'

/**
 * Whether a reviewer may see a fine-tuning dataset: every document version it quotes (contexts,
 * corrections, distractors, earlier turns its rewritten questions quote) belongs to a document they may
 * read. Undefined (no condition) for admins and for callers without a viewer (the CLI holds the
 * database credentials anyway).
 */
export function datasetVisibleTo(viewer: Viewer | undefined): SQL<boolean> | undefined {
  if (!viewer || seesEverything(viewer)) return undefined
  return sql<boolean>`not ("finetune_datasets"."version_ids" && array(select v.id from document_versions v
    where v.document_id = any(${hiddenDocumentIds(viewer)})))`
}
