import { type Database, insertDataset } from '@policydesk/db'
import { UserFacingError } from '@policydesk/runtime'
import {
  type BuiltDataset,
  buildDataset,
  type DatasetOptions,
  type DatasetStats,
  toJsonl,
} from './build-dataset'

export type ExportedDataset = {
  id: string
  name: string
  stats: DatasetStats
  /** Training lines, then validation lines: `content` of the finetune_datasets row. */
  content: string
  train: string
  validation: string
}

/**
 * Builds a dataset and records it (filter, stats, the versions it draws on, the JSONL) with an audit entry,
 * in one transaction. `content` holds the training lines followed by the validation lines; `stats.train`
 * says where the split is (see `splitDatasetContent`).
 */
export async function exportDataset(
  db: Database,
  input: { actorId: string; actorEmail: string; name?: string; options: DatasetOptions },
): Promise<ExportedDataset & { built: BuiltDataset }> {
  const built = await buildDataset(db, input.options)
  if (built.stats.examples === 0) {
    const dropped = Object.entries(built.stats.dropped).map(([why, n]) => `${n} ${why}`)
    throw new UserFacingError(
      `No examples to export: ${built.stats.considered} reviewed answers matched${dropped.length ? `, dropped: ${dropped.join(', ')}` : ''} (seed demo reviews with \`policydesk finetune seed-reviews\`)`,
    )
  }
  const train = toJsonl(built.train)
  const validation = toJsonl(built.validation)
  const name = input.name ?? `reviews-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`
  const { piiPatterns, since, ...rest } = input.options
  const filter = {
    ...rest,
    since: since?.toISOString() ?? null,
    piiPatterns,
    analyst: input.actorEmail,
  }
  const id = await insertDataset(db, {
    name,
    format: input.options.format,
    filter,
    stats: built.stats,
    versionIds: built.versionIds,
    content: train + validation,
    createdBy: input.actorId,
    audit: { name, examples: built.stats.examples, filter },
  })
  return { id, name, stats: built.stats, content: train + validation, train, validation, built }
}
