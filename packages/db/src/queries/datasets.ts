import { and, desc, eq, sql } from 'drizzle-orm'
import { datasetVisibleTo, type Viewer } from '../access'
import type { DbOrTx } from '../client'
import { finetuneDatasets, finetuneJobs, users } from '../schema'
import { recordAudit } from './audit'

/**
 * Fine-tuning datasets and the jobs trained on them, as the analyst "Datasets" page, `finetune list` and
 * `finetune submit` read them. Pass a `viewer` and a non-admin sees a dataset only when every document
 * version it quotes is readable by them (`datasetVisibleTo`); without one (the CLI, which holds the
 * database credentials anyway) everything is listed.
 */
type ViewerOption = { viewer?: Viewer }

export type Dataset = typeof finetuneDatasets.$inferSelect

/**
 * The training and validation JSONL of a stored dataset: `content` holds the training lines, then the
 * validation lines; `stats.train` says where the split is.
 */
export function splitDatasetContent(row: { content: string; stats: Record<string, unknown> }): {
  train: string
  validation: string
} {
  const lines = row.content.split('\n').filter((l) => l.trim() !== '')
  const trainCount = typeof row.stats.train === 'number' ? row.stats.train : lines.length
  const join = (part: string[]) => part.map((l) => `${l}\n`).join('')
  return { train: join(lines.slice(0, trainCount)), validation: join(lines.slice(trainCount)) }
}

export type NewDataset = {
  name: string
  format: string
  filter: Record<string, unknown>
  stats: Record<string, unknown>
  /** Every document version a line quotes: what decides who may see the dataset. */
  versionIds: string[]
  content: string
  createdBy: string
}

/** Records a dataset with its audit entry, in one transaction. */
export async function insertDataset(
  db: DbOrTx,
  input: NewDataset & { audit: Record<string, unknown> },
): Promise<string> {
  const { audit, ...values } = input
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(finetuneDatasets).values(values).returning({ id: finetuneDatasets.id })
    if (!row) throw new Error('Could not store the dataset')
    await recordAudit(tx, {
      actorId: input.createdBy,
      action: 'finetune.dataset.export',
      targetType: 'finetune_dataset',
      targetId: row.id,
      details: audit,
    })
    return row.id
  })
}

/** One dataset row (JSONL included) by id, or null; any text that is not a uuid is simply unknown. */
export async function getDataset(db: DbOrTx, id: string): Promise<Dataset | null> {
  const [row] = await db.select().from(finetuneDatasets).where(sql`${finetuneDatasets.id}::text = ${id}`)
  return row ?? null
}

export type DatasetListRow = {
  id: string
  name: string
  format: string
  filter: Record<string, unknown>
  stats: Record<string, unknown>
  versionCount: number
  bytes: number
  createdAt: Date
  createdByEmail: string | null
  jobs: number
}

/** Datasets with their stats, without the (possibly large) JSONL, newest first. */
export async function listDatasets(
  db: DbOrTx,
  options: ViewerOption & { limit?: number } = {},
): Promise<DatasetListRow[]> {
  const d = finetuneDatasets
  return db
    .select({
      id: d.id,
      name: d.name,
      format: d.format,
      filter: d.filter,
      stats: d.stats,
      versionCount: sql<number>`coalesce(array_length(${d.versionIds}, 1), 0)::int`,
      bytes: sql<number>`octet_length(${d.content})::int`,
      createdAt: d.createdAt,
      createdByEmail: users.email,
      jobs: sql<number>`(select count(*)::int from finetune_jobs j where j.dataset_id = ${d.id})`,
    })
    .from(d)
    .leftJoin(users, eq(users.id, d.createdBy))
    .where(datasetVisibleTo(options.viewer))
    .orderBy(desc(d.createdAt))
    .limit(options.limit ?? 100)
}

export type DatasetDownload = {
  id: string
  name: string
  format: string
  /** Training lines then validation lines, as stored. */
  content: string
  train: string
  validation: string
}

/** One dataset's JSONL (whole, and split into the training and validation files); null when unknown or hidden. */
export async function getDatasetContent(
  db: DbOrTx,
  id: string,
  options: ViewerOption = {},
): Promise<DatasetDownload | null> {
  const d = finetuneDatasets
  const [row] = await db
    .select({ id: d.id, name: d.name, format: d.format, content: d.content, stats: d.stats })
    .from(d)
    .where(and(sql`${d.id}::text = ${id}`, datasetVisibleTo(options.viewer)))
  if (!row) return null
  return { id: row.id, name: row.name, format: row.format, content: row.content, ...splitDatasetContent(row) }
}

export type FineTuneJobListRow = typeof finetuneJobs.$inferSelect & { datasetName: string }

/** Fine-tuning jobs (of datasets the viewer may see), newest first. */
export async function listFineTuneJobs(
  db: DbOrTx,
  options: ViewerOption & { datasetId?: string; limit?: number } = {},
): Promise<FineTuneJobListRow[]> {
  const j = finetuneJobs
  const rows = await db
    .select({ job: j, datasetName: finetuneDatasets.name })
    .from(j)
    .innerJoin(finetuneDatasets, eq(finetuneDatasets.id, j.datasetId))
    .where(
      and(
        options.datasetId ? sql`${j.datasetId}::text = ${options.datasetId}` : undefined,
        datasetVisibleTo(options.viewer),
      ),
    )
    .orderBy(desc(j.createdAt))
    .limit(options.limit ?? 100)
  return rows.map((r) => ({ ...r.job, datasetName: r.datasetName }))
}

/** Fine-tuned models that finished successfully, newest first: the values LLM_MODEL can take (ids, no content). */
export async function listFineTunedModels(
  db: DbOrTx,
): Promise<{ model: string; baseModel: string; jobId: string; datasetId: string; finishedAt: Date }[]> {
  const j = finetuneJobs
  const rows = await db
    .select({
      model: j.resultModel,
      baseModel: j.baseModel,
      jobId: j.id,
      datasetId: j.datasetId,
      finishedAt: j.updatedAt,
    })
    .from(j)
    .where(sql`${j.status} = 'succeeded' and ${j.resultModel} is not null`)
    .orderBy(desc(j.updatedAt))
  return rows.flatMap((r) => (r.model ? [{ ...r, model: r.model }] : []))
}
