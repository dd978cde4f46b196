import { listDatasets, listFineTunedModels, listFineTuneJobs } from '@policydesk/db'
import { UserFacingError } from '@policydesk/runtime'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { parseJsonBody } from '@/lib/server/http'
import { takeRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { exportDatasetAs } from '@/lib/server/review/export-dataset'
import { toViewer } from '@/lib/shared/review/viewer'
import { datasetExportSchema } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Fine-tuning datasets (stats, no content), their jobs and the fine-tuned models. A non-admin sees only
 * datasets whose every quoted document their groups may read; models are ids, not content.
 */
export async function GET() {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
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

/**
 * Exports a new dataset as the caller (`policydesk finetune export --as <caller>`): `201 { id, name,
 * stats }`, or `422` naming why nothing qualified (no reviewed answers, all dropped and why).
 */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.reviewers)
  if (!auth.ok) return auth.response
  const limit = await takeRateLimit('dataset-export', auth.user.id)
  if (!limit.ok) return limit.response
  const body = await parseJsonBody(request, datasetExportSchema)
  if (!body.ok) return body.response
  try {
    return Response.json(await exportDatasetAs(getDb(), auth.user.email, body.data), { status: 201 })
  } catch (error) {
    if (error instanceof UserFacingError) return Response.json({ error: error.message }, { status: 422 })
    throw error
  }
})
