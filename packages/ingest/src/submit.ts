import { createHash } from 'node:crypto'
import path from 'node:path'
import {
  bumpCorpusRevision,
  type DbOrTx,
  documentGroupNames,
  EVERYONE_GROUP,
  findDocumentBySlug,
  getDocument,
  normaliseApplicability,
  schema,
  setDocumentGroups,
  sql,
} from '@policydesk/db'
import { and, eq } from 'drizzle-orm'
import {
  GroupsConflict,
  type GroupsOutcome,
  replaceGroupsWithVersion,
  sameGroups,
  sortedGroups,
} from './replace-access'

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
  /** Access groups of a new document (default `everyone`). For an existing one, see `existingGroups`. */
  groups?: string[]
  /**
   * What `groups` means when the document already exists:
   * - `refuse` (default): a different set throws GroupsConflict and nothing is stored;
   * - `replace`: the document's groups become `groups`, by the rule in replace-access.ts.
   */
  existingGroups?: 'refuse' | 'replace'
  tags?: string[]
  /**
   * Whom the document applies to (validated by the caller: applicabilitySchema). Absent = unchanged ({}
   * for a new document); given for an existing document, it replaces the old one (corpus revision bumped).
   */
  applicability?: schema.Applicability
  effectiveDate?: string
  createdBy?: string
  /** Where the submission came from, for the audit log (`web`, `cli`). */
  via?: string
}

export type SubmitResult = {
  documentId: string
  versionId: string
  versionNo: number
  /** false = these exact bytes were already a version of this document: nothing new to do. */
  created: boolean
  /** true = the document itself is new (not a new version of an existing one). */
  documentCreated: boolean
  status: schema.VersionStatus
  /** The document's groups before and after this submission, and those waiting for this version. */
  access: GroupsOutcome
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
    const existing = input.documentId
      ? await getDocument(tx, input.documentId)
      : await findDocumentBySlug(tx, input.slug ?? slugFromFileName(input.sourceName))
    if (input.documentId && !existing) throw new Error(`Document ${input.documentId} does not exist`)
    if (!existing) {
      const [document] = await tx
        .insert(documents)
        .values({
          slug: input.slug ?? slugFromFileName(input.sourceName),
          title: input.title ?? titleFromFileName(input.sourceName),
          sourceName: input.sourceName,
          tags: input.tags ?? [],
          applicability: normaliseApplicability(input.applicability),
          createdBy: input.createdBy,
        })
        .returning()
      if (!document) throw new Error('Could not create the document')
      const groups = sortedGroups(input.groups ?? [EVERYONE_GROUP])
      await setDocumentGroups(tx, document.id, groups)
      const version = await insertVersion(tx, document.id, digest, input)
      return {
        ...version,
        documentId: document.id,
        documentCreated: true,
        access: { before: [], current: groups, pending: null },
      }
    }

    const before = await documentGroupNames(tx, existing.id)
    const mode = input.existingGroups ?? 'refuse'
    const requested = input.groups && !sameGroups(before, input.groups) ? input.groups : null
    if (requested && mode === 'refuse') throw new GroupsConflict(existing, before, sortedGroups(requested))
    const revived = existing.deletedAt !== null
    const applicability = input.applicability ? normaliseApplicability(input.applicability) : null
    const applicabilityChanged =
      applicability !== null &&
      JSON.stringify(applicability) !== JSON.stringify(normaliseApplicability(existing.applicability))
    await tx
      .update(documents)
      .set({
        deletedAt: null,
        title: input.title ?? existing.title,
        tags: input.tags ?? existing.tags,
        sourceName: input.sourceName,
        // An explicit applicability is the admin's decision: any suggestion from the text is moot.
        ...(applicabilityChanged ? { applicability, suggestedApplicability: null } : {}),
      })
      .where(eq(documents.id, existing.id))
    // Retrieval filters by applicability: cached answers must not outlive a change of it.
    if (revived || applicabilityChanged) await bumpCorpusRevision(tx)

    const [same] = await tx
      .select({
        id: documentVersions.id,
        versionNo: documentVersions.versionNo,
        status: documentVersions.status,
      })
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, existing.id), eq(documentVersions.sha256, digest)))
    const version = same
      ? { versionId: same.id, versionNo: same.versionNo, status: same.status, created: false }
      : await insertVersion(tx, existing.id, digest, input)
    const access = requested
      ? await replaceGroupsWithVersion(tx, {
          document: existing,
          version: {
            id: version.versionId,
            versionNo: version.versionNo,
            isCurrent: existing.currentVersionId === version.versionId,
          },
          before,
          requested,
          actorId: input.createdBy ?? null,
          via: input.via ?? 'api',
        })
      : { before, current: before, pending: null }
    return { ...version, documentId: existing.id, documentCreated: false, access }
  })
}

async function insertVersion(tx: DbOrTx, documentId: string, digest: string, input: SubmitInput) {
  const [version] = await tx
    .insert(documentVersions)
    .values({
      documentId,
      versionNo: sql<number>`(select coalesce(max(version_no), 0) + 1 from document_versions where document_id = ${documentId})`,
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
  return { versionId: version.id, versionNo: version.versionNo, status: version.status, created: true }
}
