import { type DbOrTx, hiddenDocumentIds, type ReviewViewer, schema } from '@policydesk/db'
import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import { splitDatasetContent } from './dataset/split-content'

/**
 * Read functions for the analyst "Datasets" page (and `finetune list`): datasets with their stats but
 * without the (possibly large) JSONL, one dataset's files for download, and fine-tune jobs.
 *
 * Permissions: pass the `viewer` and a non-admin sees a dataset only when every document version it
 * quotes (contexts, corrections, distractors) belongs to a document their groups may read — the rule of
 * the answers log (`traceVisibleTo`), enforced in the WHERE clause. Without a viewer (the CLI, which
 * already holds the database credentials) everything is listed.
 */
type ViewerOption = { viewer?: ReviewViewer }

function datasetVisibleTo(viewer: ReviewViewer | undefined): SQL | undefined {
  if (!viewer || viewer.role === 'admin') return undefined
  return sql`not (${schema.finetuneDatasets.versionIds} && array(select v.id from document_versions v
    where v.document_id = any(${hiddenDocumentIds(viewer)})))`
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

export async function listDatasets(
  db: DbOrTx,
  options: ViewerOption & { limit?: number } = {},
): Promise<DatasetListRow[]> {
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
  const d = schema.finetuneDatasets
  const [row] = await db
    .select({ id: d.id, name: d.name, format: d.format, content: d.content, stats: d.stats })
    .from(d)
    .where(and(sql`${d.id}::text = ${id}`, datasetVisibleTo(options.viewer)))
  if (!row) return null
  return { id: row.id, name: row.name, format: row.format, content: row.content, ...splitDatasetContent(row) }
}

export type FineTuneJobListRow = typeof schema.finetuneJobs.$inferSelect & { datasetName: string }

export async function listFineTuneJobs(
  db: DbOrTx,
  options: ViewerOption & { datasetId?: string; limit?: number } = {},
): Promise<FineTuneJobListRow[]> {
  const j = schema.finetuneJobs
  const rows = await db
    .select({ job: j, datasetName: schema.finetuneDatasets.name })
    .from(j)
    .innerJoin(schema.finetuneDatasets, eq(schema.finetuneDatasets.id, j.datasetId))
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
