import { eq, or } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { finetuneJobs } from '../schema'
import { recordAudit } from './audit'

/** Fine-tuning jobs as `policydesk finetune submit | status` records them (CLI only: no viewer). */

export type FineTuneJobRow = typeof finetuneJobs.$inferSelect
export type NewFineTuneJob = typeof finetuneJobs.$inferInsert

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

export async function insertFineTuneJob(db: DbOrTx, values: NewFineTuneJob): Promise<FineTuneJobRow> {
  const [row] = await db.insert(finetuneJobs).values(values).returning()
  if (!row) throw new Error('Could not record the fine-tune job')
  return row
}

export async function updateFineTuneJob(
  db: DbOrTx,
  id: string,
  values: Partial<NewFineTuneJob>,
): Promise<FineTuneJobRow> {
  const [row] = await db
    .update(finetuneJobs)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(finetuneJobs.id, id))
    .returning()
  if (!row) throw new Error(`fine-tune job ${id} disappeared`)
  return row
}

/** Our job row by its id or the provider's job id. */
export async function findFineTuneJob(db: DbOrTx, idOrExternal: string): Promise<FineTuneJobRow | null> {
  const [row] = await db
    .select()
    .from(finetuneJobs)
    .where(
      isUuid(idOrExternal)
        ? or(eq(finetuneJobs.id, idOrExternal), eq(finetuneJobs.externalJobId, idOrExternal))
        : eq(finetuneJobs.externalJobId, idOrExternal),
    )
  return row ?? null
}

export async function auditFineTuneJob(
  db: DbOrTx,
  input: { actorId: string | null; action: string; jobId: string; details: Record<string, unknown> },
): Promise<void> {
  await recordAudit(db, {
    actorId: input.actorId,
    action: input.action,
    targetType: 'finetune_job',
    targetId: input.jobId,
    details: input.details,
  })
}
