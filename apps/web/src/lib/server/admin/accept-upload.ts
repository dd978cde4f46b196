import 'server-only'
import {
  type Database,
  EVERYONE_GROUP,
  findGroupsByName,
  getAdminDocument,
  recordAudit,
  type schema,
  type Tx,
  uniqueDocumentSlug,
} from '@policydesk/db'
import { detectType, IngestRejection, slugFromFileName, submitDocumentVersion } from '@policydesk/ingest'
import { type EnqueueOutcome, enqueueIngest } from '@/lib/server/admin/ingest-queue'
import type { UploadedFile } from '@/lib/server/request/multipart'
import type { UploadFields } from '@/lib/shared/admin/upload-fields'
import { checkDetectedFamily, checkFileFacts, titleFromFileName } from '@/lib/shared/admin/upload-rules'

export type UploadOutcome =
  | {
      fileName: string
      ok: true
      documentId: string
      versionId: string
      versionNo: number
      title: string
      /** false: these exact bytes already were a version of the document; nothing new was stored. */
      created: boolean
      status: schema.VersionStatus
      mime: string
      queue: EnqueueOutcome | 'unchanged'
    }
  | { fileName: string; ok: false; error: string; httpStatus: 400 | 404 | 413 | 415 | 422 }

type Context = { db: Database; actorId: string; maxBytes: number }

/** Postgres unique_violation: two uploads raced for the same slug. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '23505'

/**
 * One file of an upload: the same checks as the browser, then the type detected from the bytes, then
 * submitDocumentVersion (bytes + version in one transaction), the audit row and the enqueue. A refused
 * file returns its reason; it never throws for a problem with the file itself.
 */
export async function acceptUpload(
  ctx: Context,
  file: UploadedFile,
  fields: UploadFields,
): Promise<UploadOutcome> {
  const refuse = (error: string, status: 400 | 404 | 413 | 415 | 422 = 415): UploadOutcome => ({
    fileName: file.name,
    ok: false,
    error,
    httpStatus: status,
  })
  const facts = checkFileFacts({ name: file.name, size: file.bytes.length, type: file.type }, ctx.maxBytes)
  if (facts) return refuse(facts, file.bytes.length > ctx.maxBytes ? 413 : 415)
  let mime: string
  try {
    mime = detectType(file.bytes, file.name)
  } catch (error) {
    if (error instanceof IngestRejection) return refuse(error.message)
    throw error
  }
  const mismatch = checkDetectedFamily(file.name, mime)
  if (mismatch) return refuse(mismatch)

  if (fields.groups) {
    const known = new Set((await findGroupsByName(ctx.db, fields.groups)).map((g) => g.name))
    const unknown = fields.groups.filter((g) => !known.has(g))
    if (unknown.length > 0) return refuse(`Unknown access group: ${unknown.join(', ')}`, 422)
  }

  const replacing = fields.documentId ? await getAdminDocument(ctx.db, fields.documentId) : null
  if (fields.documentId && !replacing) return refuse('No such document to replace', 404)
  if (replacing?.purged) return refuse('This document was purged; upload the file as a new document', 422)

  const title = fields.title ?? replacing?.title ?? titleFromFileName(file.name)
  const submit = async (tx: Tx) => {
    if (replacing) {
      return submitDocumentVersion(tx, {
        documentId: replacing.id,
        sourceName: file.name,
        bytes: file.bytes,
        declaredMime: mime,
        title: fields.title,
        tags: fields.tags,
        // Groups on a replace are an explicit access change: removals apply now, additions when the new
        // version is ready (packages/ingest/src/replace-access.ts).
        groups: fields.groups,
        existingGroups: 'replace',
        applicability: fields.applicability,
        effectiveDate: fields.effectiveDate,
        createdBy: ctx.actorId,
        via: 'web',
      })
    }
    // A new upload is always a new document, even when its file name matches an existing one: folding it
    // into that document could silently change what the document says and who may read it.
    const slug = await uniqueDocumentSlug(tx, slugFromFileName(file.name))
    return submitDocumentVersion(tx, {
      slug,
      sourceName: file.name,
      bytes: file.bytes,
      declaredMime: mime,
      title: fields.title ?? titleFromFileName(file.name),
      tags: fields.tags ?? [],
      groups: fields.groups ?? [EVERYONE_GROUP],
      applicability: fields.applicability,
      effectiveDate: fields.effectiveDate,
      createdBy: ctx.actorId,
      via: 'web',
    })
  }
  // The version and its audit entry commit together: an upload is never recorded without its version,
  // nor stored without its record.
  const submitAndAudit = () =>
    ctx.db.transaction(async (tx) => {
      const submitted = await submit(tx)
      if (!submitted.created) return submitted
      await recordAudit(tx, {
        actorId: ctx.actorId,
        action: replacing ? 'document.replace' : 'document.upload',
        targetType: 'document',
        targetId: submitted.documentId,
        details: {
          title,
          fileName: file.name,
          versionId: submitted.versionId,
          versionNo: submitted.versionNo,
          sizeBytes: file.bytes.length,
          mime,
          ...(fields.groups ? { groups: fields.groups } : replacing ? {} : { groups: [EVERYONE_GROUP] }),
          ...(submitted.access.pending ? { groupsPending: submitted.access.pending } : {}),
        },
      })
      return submitted
    })
  let result: Awaited<ReturnType<typeof submitDocumentVersion>> | undefined
  for (let attempt = 1; !result; attempt++) {
    try {
      result = await submitAndAudit()
    } catch (error) {
      // Two uploads of the same file name raced for its slug: the loser picks the next free one.
      if (!isUniqueViolation(error) || attempt >= 3) throw error
    }
  }
  if (!result.created) {
    return { fileName: file.name, ok: true, ...result, title, mime, queue: 'unchanged' }
  }
  const queue = await enqueueIngest(result.versionId)
  return { fileName: file.name, ok: true, ...result, title, mime, queue }
}
