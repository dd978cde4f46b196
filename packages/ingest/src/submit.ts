import { createHash } from 'node:crypto'
import path from 'node:path'
import {
  bumpCorpusRevision,
  type DbOrTx,
  EVERYONE_GROUP,
  findDocumentBySlug,
  getDocument,
  schema,
  setDocumentGroups,
  sql,
} from '@policydesk/db'
import { and, eq } from 'drizzle-orm'

const { documents, documentVersions } = schema

export type SubmitInput = {
  /** Stable key; defaults to the file name without extension, kebab-cased. */
  slug?: string
  /** Replace: add a version to this document instead of finding one by slug. */
  documentId?: string
  title?: string
  sourceName: string
  bytes: Buffer
  declaredMime?: string
  /** Access groups; default `everyone` for a new document, unchanged for an existing one. */
  groups?: string[]
  tags?: string[]
  effectiveDate?: string
  createdBy?: string
}

export type SubmitResult = {
  documentId: string
  versionId: string
  versionNo: number
  /** false = these exact bytes were already a version of this document: nothing new to do. */
  created: boolean
  status: schema.VersionStatus
}

export function slugFromFileName(fileName: string): string {
  const stem = path.basename(fileName).replace(/\.[^.]+$/, '')
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return slug || 'document'
}

export function titleFromFileName(fileName: string): string {
  const words = slugFromFileName(fileName).split('-')
  return words.map((w) => (w.length > 0 ? w[0]?.toUpperCase() + w.slice(1) : w)).join(' ')
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/**
 * Stores the bytes as a new queued version, in one transaction with the document row (so an accepted
 * upload is never half-written). Identical bytes for the same document return the existing version.
 * Given a transaction, it runs inside it (a savepoint), so the caller can commit its own rows — the audit
 * entry — with the version. Enqueueing the job is the caller's next step, after commit.
 */
export async function submitDocumentVersion(db: DbOrTx, input: SubmitInput): Promise<SubmitResult> {
  const digest = sha256(input.bytes)
  return db.transaction(async (tx) => {
    let document = input.documentId
      ? await getDocument(tx, input.documentId)
      : await findDocumentBySlug(tx, input.slug ?? slugFromFileName(input.sourceName))
    if (input.documentId && !document) throw new Error(`Document ${input.documentId} does not exist`)
    if (!document) {
      const [created] = await tx
        .insert(documents)
        .values({
          slug: input.slug ?? slugFromFileName(input.sourceName),
          title: input.title ?? titleFromFileName(input.sourceName),
          sourceName: input.sourceName,
          tags: input.tags ?? [],
          createdBy: input.createdBy,
        })
        .returning()
      if (!created) throw new Error('Could not create the document')
      document = created
      await setDocumentGroups(tx, document.id, input.groups ?? [EVERYONE_GROUP])
    } else {
      const revived = document.deletedAt !== null
      await tx
        .update(documents)
        .set({
          deletedAt: null,
          title: input.title ?? document.title,
          tags: input.tags ?? document.tags,
          sourceName: input.sourceName,
        })
        .where(eq(documents.id, document.id))
      if (input.groups) await setDocumentGroups(tx, document.id, input.groups)
      else if (revived) await bumpCorpusRevision(tx)
    }

    const [existing] = await tx
      .select({
        id: documentVersions.id,
        versionNo: documentVersions.versionNo,
        status: documentVersions.status,
      })
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, document.id), eq(documentVersions.sha256, digest)))
    if (existing) {
      return {
        documentId: document.id,
        versionId: existing.id,
        versionNo: existing.versionNo,
        created: false,
        status: existing.status,
      }
    }

    const [version] = await tx
      .insert(documentVersions)
      .values({
        documentId: document.id,
        versionNo: sql<number>`(select coalesce(max(version_no), 0) + 1 from document_versions where document_id = ${document.id})`,
        sha256: digest,
        sizeBytes: input.bytes.length,
        declaredMime: input.declaredMime ?? 'application/octet-stream',
        content: input.bytes,
        effectiveDate: input.effectiveDate,
        createdBy: input.createdBy,
      })
      .returning({
        id: documentVersions.id,
        versionNo: documentVersions.versionNo,
        status: documentVersions.status,
      })
    if (!version) throw new Error('Could not create the document version')
    return {
      documentId: document.id,
      versionId: version.id,
      versionNo: version.versionNo,
      created: true,
      status: version.status,
    }
  })
}
