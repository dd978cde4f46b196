import {
  auditFineTuneJob,
  type Database,
  type FineTuneJobRow,
  findFineTuneJob,
  getDataset,
  insertFineTuneJob,
  splitDatasetContent,
  updateFineTuneJob,
} from '@policydesk/db'
import { UserFacingError } from '@policydesk/runtime'
import { isTerminal } from './api-schemas'
import type { FineTuneClient } from './client'

type JobEventEntry = { at: string; message: string }

const now = () => new Date().toISOString()

const audit = (db: Database, actorId: string | null, action: string, jobId: string, details: object) =>
  auditFineTuneJob(db, { actorId, action, jobId, details: { ...details } })

/**
 * Uploads a stored dataset (training and, when present, validation file) and creates a fine-tuning job.
 * The job row is written first (status `uploading`), so a failed upload stays on record as `failed` with the
 * provider's message.
 */
export async function submitFineTuneJob(
  db: Database,
  client: FineTuneClient,
  input: { datasetId: string; model: string; actorId: string | null; suffix?: string },
): Promise<FineTuneJobRow> {
  const dataset = await getDataset(db, input.datasetId)
  if (!dataset) throw new UserFacingError(`No dataset ${input.datasetId} (see \`policydesk finetune list\`)`)
  const files = splitDatasetContent(dataset)
  if (files.train.trim() === '') throw new UserFacingError(`Dataset ${dataset.name} has no training examples`)

  const created = await insertFineTuneJob(db, {
    datasetId: dataset.id,
    provider: client.provider,
    baseModel: input.model,
    status: 'uploading',
    events: [{ at: now(), message: `submitting dataset ${dataset.name} to ${client.provider}` }],
    createdBy: input.actorId,
  })
  const events: JobEventEntry[] = [...created.events]
  try {
    const slug = dataset.name.replace(/[^\w.-]+/g, '-')
    const training = await client.uploadFile({ filename: `${slug}.train.jsonl`, content: files.train })
    events.push({ at: now(), message: `uploaded training file ${training.id} (${training.bytes} bytes)` })
    const validation =
      files.validation.trim() === ''
        ? null
        : await client.uploadFile({ filename: `${slug}.validation.jsonl`, content: files.validation })
    if (validation) events.push({ at: now(), message: `uploaded validation file ${validation.id}` })
    const job = await client.createJob({
      model: input.model,
      trainingFile: training.id,
      validationFile: validation?.id ?? null,
      suffix: input.suffix ?? 'policydesk',
    })
    events.push({ at: now(), message: `created job ${job.id} (${job.status})` })
    const row = await updateFineTuneJob(db, created.id, {
      externalFileId: training.id,
      externalJobId: job.id,
      status: job.status,
      events,
    })
    await audit(db, input.actorId, 'finetune.job.submit', row.id, {
      dataset: dataset.id,
      model: input.model,
      externalJobId: job.id,
    })
    return row
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    events.push({ at: now(), message: `submit failed: ${message}` })
    await updateFineTuneJob(db, created.id, { status: 'failed', error: message, events })
    await audit(db, input.actorId, 'finetune.job.submit', created.id, { dataset: dataset.id, error: message })
    throw error
  }
}

/**
 * Polls the provider once: status, error, the provider's new events (appended, oldest first) and, on success, the
 * resulting model id — what LLM_MODEL can then be set to.
 */
export async function refreshFineTuneJob(
  db: Database,
  client: FineTuneClient,
  idOrExternal: string,
): Promise<FineTuneJobRow> {
  const row = await findFineTuneJob(db, idOrExternal)
  if (!row) throw new UserFacingError(`No fine-tune job ${idOrExternal} (see \`policydesk finetune list\`)`)
  if (!row.externalJobId) return row
  const job = await client.retrieveJob(row.externalJobId)
  const remote = await client.listEvents(row.externalJobId)
  const seen = new Set(row.events.map((e) => `${e.at}|${e.message}`))
  // New provider events go after what is recorded, in their own time order. Sorting everything by time
  // would not do: provider times have whole seconds, ours milliseconds, so "succeeded" at 10:01:15 would
  // sort before our "created job" at 10:01:15.423 and the log would end on a stale line.
  const fresh = remote
    .map((e) => ({ at: new Date(e.created_at * 1000).toISOString(), message: `[${e.level}] ${e.message}` }))
    .filter((entry) => !seen.has(`${entry.at}|${entry.message}`))
    .sort((a, b) => a.at.localeCompare(b.at))
  const events = [...row.events, ...fresh]
  const error =
    job.status === 'failed'
      ? [job.error?.code, job.error?.message].filter(Boolean).join(': ') || 'the provider reported a failure'
      : null
  const updated = await updateFineTuneJob(db, row.id, {
    status: job.status,
    resultModel: job.fine_tuned_model ?? null,
    error,
    events,
  })
  if (isTerminal(job.status) && row.status !== job.status)
    await audit(db, null, `finetune.job.${job.status}`, row.id, {
      externalJobId: job.id,
      resultModel: job.fine_tuned_model ?? null,
      error,
    })
  return updated
}

/** Polls until the job reaches succeeded, failed or cancelled (or the deadline passes). */
export async function waitForFineTuneJob(
  db: Database,
  client: FineTuneClient,
  idOrExternal: string,
  options: { intervalMs: number; timeoutMs?: number; onUpdate?: (row: FineTuneJobRow) => void },
): Promise<FineTuneJobRow> {
  const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY)
  for (;;) {
    const row = await refreshFineTuneJob(db, client, idOrExternal)
    options.onUpdate?.(row)
    if (isTerminal(row.status) || !row.externalJobId || Date.now() >= deadline) return row
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs))
  }
}
