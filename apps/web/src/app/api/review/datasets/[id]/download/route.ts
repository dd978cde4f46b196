import { getDatasetContent, recordAudit } from '@policydesk/db'
import { uuidParams } from '@/lib/server/admin/route-params'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { notFound, parseValue } from '@/lib/server/http'
import { toViewer } from '@/lib/shared/review/viewer'
import { datasetDownloadSchema } from './schema'

export const dynamic = 'force-dynamic'

/** The CLI's file names: `<name>.jsonl` trains, `<name>.validation.jsonl` validates. */
const FILE_SUFFIX = { all: '.all', train: '', validation: '.validation' } as const

/**
 * A dataset's JSONL as a download: `part=train` (the file a fine-tuning job trains on), `validation`, or
 * `all` (both, as stored). Hidden datasets are a plain 404, as unknown ones. Downloads are audited: the
 * file holds conversation text.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.reviewers, { tokens: ['review:read'] })
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids.ok) return ids.response
  const query = parseValue(
    { part: new URL(request.url).searchParams.get('part') ?? undefined },
    datasetDownloadSchema,
  )
  if (!query.ok) return query.response
  const db = getDb()
  const dataset = await getDatasetContent(db, ids.data.id, { viewer: toViewer(auth.user) })
  if (!dataset) return notFound('No such dataset.')
  const part = query.data.part
  const body = part === 'all' ? dataset.content : dataset[part]
  await recordAudit(db, {
    actorId: auth.user.id,
    action: 'finetune.dataset.download',
    targetType: 'finetune_dataset',
    targetId: dataset.id,
    details: { name: dataset.name, part },
  })
  const fileName = `${dataset.name.replace(/[^\w.-]+/g, '_')}${FILE_SUFFIX[part]}.jsonl`
  return new Response(body, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
