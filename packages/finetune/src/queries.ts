import { type DbOrTx, schema } from '@policydesk/db'
import { desc, eq, sql } from 'drizzle-orm'
import { splitDatasetContent } from './dataset/store'

/**
 * Read functions for an analyst "Datasets" page (and `finetune list`): datasets with their stats but
 * without the (possibly large) JSONL, one dataset's files for download, and fine-tune jobs.
 */

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

export async function listDatasets(db: DbOrTx, options: { limit?: number } = {}): Promise<DatasetListRow[]> {
  const d = schema.finetuneDatasets
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
      createdByEmail: schema.users.email,
      jobs: sql<number>`(select count(*)::int from finetune_jobs j where j.dataset_id = ${d.id})`,
    })
    .from(d)
    .leftJoin(schema.users, eq(schema.users.id, d.createdBy))
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

/** One dataset's JSONL (whole, and split into the training and validation files); null when unknown. */
export async function getDatasetContent(db: DbOrTx, id: string): Promise<DatasetDownload | null> {
  const d = schema.finetuneDatasets
  const [row] = await db
    .select({ id: d.id, name: d.name, format: d.format, content: d.content, stats: d.stats })
    .from(d)
    .where(sql`${d.id}::text = ${id}`)
  if (!row) return null
  return { id: row.id, name: row.name, format: row.format, content: row.content, ...splitDatasetContent(row) }
}

export type FineTuneJobListRow = typeof schema.finetuneJobs.$inferSelect & { datasetName: string }

export async function listFineTuneJobs(
  db: DbOrTx,
  options: { datasetId?: string; limit?: number } = {},
): Promise<FineTuneJobListRow[]> {
  const j = schema.finetuneJobs
  const rows = await db
    .select({ job: j, datasetName: schema.finetuneDatasets.name })
    .from(j)
    .innerJoin(schema.finetuneDatasets, eq(schema.finetuneDatasets.id, j.datasetId))
    .where(options.datasetId ? sql`${j.datasetId}::text = ${options.datasetId}` : undefined)
    .orderBy(desc(j.createdAt))
    .limit(options.limit ?? 100)
  return rows.map((r) => ({ ...r.job, datasetName: r.datasetName }))
}

/** Fine-tuned models that finished successfully, newest first: the values LLM_MODEL can take. */
export async function listFineTunedModels(
  db: DbOrTx,
): Promise<{ model: string; baseModel: string; jobId: string; datasetId: string; finishedAt: Date }[]> {
  const j = schema.finetuneJobs
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
