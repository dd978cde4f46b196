import { readIngestEnv } from '@policydesk/ingest'
import { acceptUpload, type UploadOutcome } from '@/lib/server/admin/accept-upload'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { webEnv } from '@/lib/server/env'
import { readMultipart } from '@/lib/server/request/multipart'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { MAX_FILES_PER_UPLOAD, parseUploadForm } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin upload (multipart): `file` (repeatable) plus fields shared by every file of the request — `title`
 * (one file only), `tags`, `groups`, `effectiveDate`, `documentId` (replace). The body is parsed as it
 * streams in: a file over INGEST_MAX_MB or a request over UPLOAD_REQUEST_LIMIT_MB is a 413 before the rest
 * is read. Each file is then checked and stored on its own: a refused file is reported with its reason and
 * does not stop the others. 201 when at least one file was accepted; otherwise the refusal's status (or
 * 422 for several).
 */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.admins, { tokens: ['documents:write'] })
  if (!auth.ok) return auth.response
  const maxBytes = readIngestEnv().INGEST_MAX_MB * 1024 * 1024
  const body = await readMultipart(request, {
    maxFileBytes: maxBytes,
    maxRequestBytes: webEnv().UPLOAD_REQUEST_LIMIT_MB * 1024 * 1024,
    maxFiles: MAX_FILES_PER_UPLOAD,
  })
  if (!body.ok) return Response.json({ error: body.error }, { status: body.status })
  const input = parseUploadForm(body.body)
  if (!input.ok) return Response.json({ error: `Invalid request: ${input.error}` }, { status: 400 })

  const ctx = { db: getDb(), actorId: auth.user.id, maxBytes }
  const results: UploadOutcome[] = []
  for (const file of input.files) results.push(await acceptUpload(ctx, file, input.fields))
  if (results.some((r) => r.ok)) return Response.json({ results }, { status: 201 })
  const refusals = results.flatMap((r) => (r.ok ? [] : [r]))
  const [only] = refusals
  const status = refusals.length === 1 && only ? only.httpStatus : 422
  const error = refusals
    .map((r) => (refusals.length === 1 ? r.error : `${r.fileName}: ${r.error}`))
    .join('; ')
  return Response.json({ error, results }, { status })
})
