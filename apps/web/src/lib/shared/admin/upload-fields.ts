import { applicabilitySchema, parseAppliesTo } from '@policydesk/db/profiles'
import { z } from 'zod'
import type { MultipartBody, UploadedFile } from '@/lib/server/request/multipart'

/** Same rule as `policydesk ingest --group` and group creation in the console. */
export const groupNameSchema = z
  .string()
  .trim()
  .min(1, 'a group name is required')
  .max(64, 'group names have at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'group names are lower-case letters, digits, - and _')

export const tagSchema = z.string().trim().min(1).max(40, 'tags have at most 40 characters')

/** A real calendar date as YYYY-MM-DD (what `<input type="date">` produces). */
export const isoDateSchema = z.iso.date('use the format YYYY-MM-DD')

/** Metadata that applies to the uploaded file(s) of one request. */
export const uploadFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200, 'titles have at most 200 characters').optional(),
  tags: z.array(tagSchema).max(20, 'at most 20 tags').optional(),
  /** Access groups; a new document defaults to `everyone`, a replacement keeps its groups. */
  groups: z.array(groupNameSchema).min(1, 'choose at least one group').max(20).optional(),
  effectiveDate: isoDateSchema.optional(),
  /** Replace: the upload becomes a new version of this document. */
  documentId: z.uuid('documentId must be a document id').optional(),
  /** Whom the document applies to (from `appliesTo` fields, `country=PT`); absent = unchanged / everyone. */
  applicability: applicabilitySchema.optional(),
})
export type UploadFields = z.infer<typeof uploadFieldsSchema>

/** Most files one upload request may carry (the streaming parser stops at one more). */
export const MAX_FILES_PER_UPLOAD = 50

const values = (body: MultipartBody, name: string) =>
  body.fields.filter(([n]) => n === name).map(([, v]) => v)

/** "a, b" and repeated fields both work: `-F tags=a -F tags=b` or `-F tags=a,b`. */
function listField(body: MultipartBody, name: string): string[] | undefined {
  const items = values(body, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
  return items.length > 0 ? [...new Set(items)] : undefined
}

function textField(body: MultipartBody, name: string): string | undefined {
  const [value] = values(body, name)
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined
}

export type ParsedUploadForm =
  | { ok: true; files: UploadedFile[]; fields: UploadFields }
  | { ok: false; error: string }

/** The multipart body of `POST /api/documents` (lib/request/multipart.ts): `file` parts plus shared fields. */
export function parseUploadForm(body: MultipartBody): ParsedUploadForm {
  const files = body.files
  if (files.length === 0) return { ok: false, error: 'Attach at least one file as a "file" field.' }
  if (files.length > MAX_FILES_PER_UPLOAD) {
    return { ok: false, error: `At most ${MAX_FILES_PER_UPLOAD} files per request.` }
  }
  // `-F appliesTo=country=PT -F appliesTo=employmentType=full-time`, as `policydesk ingest --applies-to`.
  const pairs = values(body, 'appliesTo').filter((v) => v.trim() !== '')
  const appliesTo = pairs.length > 0 ? parseAppliesTo(pairs) : null
  if (appliesTo && !appliesTo.ok) return { ok: false, error: `appliesTo: ${appliesTo.error}` }
  const parsed = uploadFieldsSchema.safeParse({
    title: textField(body, 'title'),
    tags: listField(body, 'tags'),
    groups: listField(body, 'groups'),
    effectiveDate: textField(body, 'effectiveDate'),
    documentId: textField(body, 'documentId'),
    applicability: appliesTo?.ok ? appliesTo.applicability : undefined,
  })
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) }
  if (files.length > 1 && parsed.data.title) {
    return { ok: false, error: 'title applies to one file; send one request per file to title each.' }
  }
  if (files.length > 1 && parsed.data.documentId) {
    return { ok: false, error: 'A replacement (documentId) takes exactly one file.' }
  }
  return { ok: true, files, fields: parsed.data }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
}
