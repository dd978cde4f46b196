import { importUserAttributes, parseAttributesCsv } from '@policydesk/db'
import { authorizeApi, ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { tooLarge } from '@/lib/server/http'
import { readBodyCapped } from '@/lib/server/request/read-body'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { formatBytes } from '@/lib/shared/format'
import { csvContentTypeSchema, MAX_CSV_BYTES } from './schema'

export const dynamic = 'force-dynamic'

/**
 * Admin: import asker profiles from CSV (`text/csv`, header `email,country,location,employmentType,
 * department,level,startDate`, any subset of the attribute columns; an empty cell clears). All rows or
 * none: every problem is reported with its line (400 for malformed rows, 422 for unknown users) and
 * nothing changes; otherwise one transaction, one audit row per changed user.
 */
export const POST = sameOriginOnly(async (request: Request) => {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const type = csvContentTypeSchema.safeParse(request.headers.get('content-type') ?? '')
  if (!type.success) return Response.json({ error: 'Send Content-Type: text/csv.' }, { status: 415 })
  const body = await readBodyCapped(request, MAX_CSV_BYTES)
  if (!body.ok) return tooLarge(`The CSV file is larger than ${formatBytes(MAX_CSV_BYTES)}.`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes)
  } catch {
    return Response.json({ error: 'The CSV file must be UTF-8 text.' }, { status: 400 })
  }
  const parsed = parseAttributesCsv(text)
  if (!parsed.ok)
    return Response.json(
      { error: 'The CSV file has problems; nothing was imported.', errors: parsed.errors },
      { status: 400 },
    )
  const result = await importUserAttributes(getDb(), { rows: parsed.rows, actorId: auth.user.id })
  if (!result.ok)
    return Response.json(
      { error: 'Some rows name unknown users; nothing was imported.', errors: result.errors },
      { status: 422 },
    )
  return Response.json({ updated: result.updated, unchanged: result.unchanged })
})
