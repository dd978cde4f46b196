import { readIngestEnv } from '@policydesk/ingest'
import { acceptUpload, type UploadOutcome } from '@/lib/admin/accept-upload'
import { isCrossOrigin } from '@/lib/admin/same-origin'
import { parseUploadForm } from '@/lib/admin/upload-fields'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

const MAX_FILES_OF_MAX_SIZE = 10

/**
 * Admin upload (multipart): `file` (repeatable) plus fields shared by every file of the request — `title`
 * (one file only), `tags`, `groups`, `effectiveDate`, `documentId` (replace). Each file is checked and
 * stored on its own: a refused file is reported with its reason and does not stop the others.
 * 201 when at least one file was accepted; otherwise the refusal's status (or 422 for several).
 */
export async function POST(request: Request) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  if (isCrossOrigin(request))
    return Response.json({ error: 'Cross-site uploads are refused.' }, { status: 403 })
  if (!(request.headers.get('content-type') ?? '').includes('multipart/form-data')) {
    return Response.json({ error: 'Send the files as multipart/form-data.' }, { status: 415 })
  }
  const maxBytes = readIngestEnv().INGEST_MAX_MB * 1024 * 1024
  // Bodies are buffered to be parsed: bound one request, whatever the number of files in it.
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes * MAX_FILES_OF_MAX_SIZE) {
    return Response.json(
      {
        error: `The request is too large: send at most ${MAX_FILES_OF_MAX_SIZE} files of the maximum size per request.`,
      },
      { status: 413 },
    )
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return Response.json({ error: 'The multipart body could not be read.' }, { status: 400 })
  }
  const input = parseUploadForm(form)
  if (!input.ok) return Response.json({ error: `Invalid request: ${input.error}` }, { status: 400 })

  const ctx = { db: getDb(), actorId: auth.user.id, maxBytes }
  const results: UploadOutcome[] = []
  for (const file of input.files) {
    const bytes = Buffer.from(await file.arrayBuffer())
    results.push(await acceptUpload(ctx, { name: file.name, type: file.type, bytes }, input.fields))
  }
  if (results.some((r) => r.ok)) return Response.json({ results }, { status: 201 })
  const refusals = results.flatMap((r) => (r.ok ? [] : [r]))
  const [only] = refusals
  const status = refusals.length === 1 && only ? only.httpStatus : 422
  const error = refusals
    .map((r) => (refusals.length === 1 ? r.error : `${r.fileName}: ${r.error}`))
    .join('; ')
  return Response.json({ error, results }, { status })
}
