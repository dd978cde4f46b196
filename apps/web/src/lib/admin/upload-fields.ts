import { z } from 'zod'

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
})
export type UploadFields = z.infer<typeof uploadFieldsSchema>

/** "a, b" and repeated fields both work: `-F tags=a -F tags=b` or `-F tags=a,b`. */
function listField(form: FormData, name: string): string[] | undefined {
  const values = form
    .getAll(name)
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
  return values.length > 0 ? [...new Set(values)] : undefined
}

function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export type ParsedUploadForm =
  | { ok: true; files: File[]; fields: UploadFields }
  | { ok: false; error: string }

/** The multipart body of `POST /api/documents`: `file` parts (repeatable) plus shared fields. */
export function parseUploadForm(form: FormData): ParsedUploadForm {
  const files = form.getAll('file').filter((v): v is File => typeof v !== 'string')
  if (files.length === 0) return { ok: false, error: 'Attach at least one file as a "file" field.' }
  if (files.length > 50) return { ok: false, error: 'At most 50 files per request.' }
  const parsed = uploadFieldsSchema.safeParse({
    title: textField(form, 'title'),
    tags: listField(form, 'tags'),
    groups: listField(form, 'groups'),
    effectiveDate: textField(form, 'effectiveDate'),
    documentId: textField(form, 'documentId'),
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
