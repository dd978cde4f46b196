import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { documentGroupNames, setDocumentGroups } from '../access'
import type { Database } from '../client'
import { documents, documentVersions } from '../schema'
import { recordAudit } from './audit'
import { purgeDocument, softDeleteDocument } from './documents'
import { findGroupsByName } from './groups'

/**
 * Admin changes to documents. Each runs in ONE transaction with its audit row, so the log never claims a
 * change that rolled back, nor misses one that committed.
 */

type Actor = { actorId: string }

export type AccessChange =
  | { ok: true; before: string[]; after: string[]; changed: boolean }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'unknown-groups'; groups: string[] }

/** Replaces who may read a document (existing groups only); bumps the corpus revision when it changes. */
export async function changeDocumentAccess(
  db: Database,
  input: Actor & { documentId: string; groupNames: string[] },
): Promise<AccessChange> {
  const wanted = [...new Set(input.groupNames)].sort()
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select({ id: documents.id, title: documents.title })
      .from(documents)
      .where(eq(documents.id, input.documentId))
      .for('update')
    if (!document) return { ok: false, reason: 'not-found' }
    const found = new Set((await findGroupsByName(tx, wanted)).map((g) => g.name))
    const unknown = wanted.filter((name) => !found.has(name))
    if (unknown.length > 0) return { ok: false, reason: 'unknown-groups', groups: unknown }
    const before = await documentGroupNames(tx, document.id)
    if (before.join('\n') === wanted.join('\n')) return { ok: true, before, after: wanted, changed: false }
    await setDocumentGroups(tx, document.id, wanted)
    // An explicit change supersedes groups a replace left waiting for its version.
    await tx
      .update(documentVersions)
      .set({ pendingGroups: null })
      .where(and(eq(documentVersions.documentId, document.id), isNotNull(documentVersions.pendingGroups)))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.access',
      targetType: 'document',
      targetId: document.id,
      details: { title: document.title, before, after: wanted },
    })
    return { ok: true, before, after: wanted, changed: true }
  })
}

export type DocumentChange =
  | { ok: true; title: string }
  | { ok: false; reason: 'not-found' | 'already-deleted' }

/** Soft delete: out of retrieval and the answer cache at once; versions and bytes are kept. */
export async function deleteDocumentWithAudit(
  db: Database,
  input: Actor & { documentId: string },
): Promise<DocumentChange> {
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select({ title: documents.title })
      .from(documents)
      .where(eq(documents.id, input.documentId))
    if (!document) return { ok: false, reason: 'not-found' }
    if (!(await softDeleteDocument(tx, input.documentId))) return { ok: false, reason: 'already-deleted' }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.delete',
      targetType: 'document',
      targetId: input.documentId,
      details: { title: document.title },
    })
    return { ok: true, title: document.title }
  })
}

/** Purge: file bytes, chunks and embeddings are destroyed; the row stays as a tombstone for the log. */
export async function purgeDocumentWithAudit(
  db: Database,
  input: Actor & { documentId: string },
): Promise<DocumentChange> {
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select({ title: documents.title })
      .from(documents)
      .where(eq(documents.id, input.documentId))
    if (!document) return { ok: false, reason: 'not-found' }
    await purgeDocument(tx, input.documentId)
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.purge',
      targetType: 'document',
      targetId: input.documentId,
      details: { title: document.title },
    })
    return { ok: true, title: document.title }
  })
}

export type RetryResult =
  | { ok: true; documentId: string; versionNo: number }
  | { ok: false; reason: 'not-found' | 'not-failed' | 'purged' }

/**
 * Puts a failed version back in the queue (status and stage `queued`, error and attempt counts cleared). Only a
 * failed version: the conditional update makes a double click harmless. The caller enqueues after commit.
 */
export async function retryFailedVersion(
  db: Database,
  input: Actor & { documentId?: string; versionId: string },
): Promise<RetryResult> {
  return db.transaction(async (tx) => {
    const [version] = await tx
      .select({
        documentId: documentVersions.documentId,
        versionNo: documentVersions.versionNo,
        status: documentVersions.status,
        error: documentVersions.error,
        hasContent: sql<boolean>`${documentVersions.content} is not null`,
        title: documents.title,
      })
      .from(documentVersions)
      .innerJoin(documents, eq(documents.id, documentVersions.documentId))
      .where(eq(documentVersions.id, input.versionId))
    if (!version || (input.documentId && version.documentId !== input.documentId)) {
      return { ok: false, reason: 'not-found' }
    }
    if (version.status !== 'failed') return { ok: false, reason: 'not-failed' }
    if (!version.hasContent) return { ok: false, reason: 'purged' }
    const reset = await tx
      .update(documentVersions)
      .set({
        status: 'queued',
        stage: 'queued',
        progress: 0,
        error: null,
        attempts: 0,
        stoppedAttempts: 0,
        attemptStartedAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(documentVersions.id, input.versionId), eq(documentVersions.status, 'failed')))
      .returning({ id: documentVersions.id })
    if (reset.length === 0) return { ok: false, reason: 'not-failed' }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.retry',
      targetType: 'document_version',
      targetId: input.versionId,
      details: {
        title: version.title,
        documentId: version.documentId,
        versionNo: version.versionNo,
        error: version.error,
      },
    })
    return { ok: true, documentId: version.documentId, versionNo: version.versionNo }
  })
}
