import 'server-only'
import type { Database } from '@policydesk/db'
import { analystByEmail, DATASET_DEFAULTS, exportDataset, readFinetuneEnv } from '@policydesk/finetune'
import type { DatasetExportRequest } from '@/app/api/review/datasets/schema'

/**
 * Exports a dataset as the signed-in analyst, exactly as `policydesk finetune export --as <them>` would:
 * only answers drawn entirely from documents their groups may read, PII patterns from the environment.
 * Throws a UserFacingError when nothing qualifies.
 */
export async function exportDatasetAs(db: Database, email: string, request: DatasetExportRequest) {
  const analyst = await analystByEmail(db, email)
  const exported = await exportDataset(db, {
    actorId: analyst.id,
    actorEmail: analyst.email,
    name: request.name,
    options: {
      ...DATASET_DEFAULTS,
      verdicts: request.verdicts,
      groupIds: analyst.groupIds,
      since: request.since ? new Date(`${request.since}T00:00:00Z`) : undefined,
      distractors: request.distractors,
      validationShare: request.validationShare,
      piiPatterns: readFinetuneEnv().FINETUNE_PII_PATTERNS,
    },
  })
  return { id: exported.id, name: exported.name, stats: exported.stats }
}
