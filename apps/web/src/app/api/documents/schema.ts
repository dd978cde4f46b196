/**
 * `POST /api/documents` (multipart): `file` parts plus `title`, `tags`, `groups`, `effectiveDate` and
 * `documentId`, checked by `uploadFieldsSchema`. The upload page checks the same fields before sending
 * (lib/shared/admin/upload-item.ts), so both live in lib/shared/admin/upload-fields.ts.
 */
export { MAX_FILES_PER_UPLOAD, parseUploadForm, uploadFieldsSchema } from '@/lib/shared/admin/upload-fields'
