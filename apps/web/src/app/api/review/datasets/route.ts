import { listDatasets, listFineTunedModels, listFineTuneJobs } from '@policydesk/finetune/queries'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { toViewer } from '@/lib/review/viewer'

export const dynamic = 'force-dynamic'

/**
 * Fine-tuning datasets (stats, no content), their jobs and the fine-tuned models. A non-admin sees only
 * datasets whose every quoted document their groups may read; models are ids, not content.
 */
export async function GET() {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  const db = getDb()
  const viewer = toViewer(auth.user)
  const [datasets, jobs, models] = await Promise.all([
    listDatasets(db, { viewer }),
    listFineTuneJobs(db, { viewer }),
    listFineTunedModels(db),
  ])
  return Response.json({ datasets, jobs, models })
}
