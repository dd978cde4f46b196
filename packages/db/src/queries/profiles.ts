import { eq, inArray } from 'drizzle-orm'
import type { Database, DbOrTx } from '../client'
import {
  applyAttributesPatch,
  normaliseApplicability,
  normaliseAttributes,
  type UserAttributesPatch,
} from '../profiles/validation'
import { type Applicability, documents, type UserAttributes, users } from '../schema'
import { recordAudit } from './audit'
import { bumpCorpusRevision } from './corpus'

/**
 * Asker profiles and document applicability as admins, imports, sign-in and ingestion change them. Every
 * admin change runs in one transaction with its audit row; a change to what retrieval filters by bumps the
 * corpus revision in the same transaction, so no cached answer outlives it.
 */

type Actor = { actorId: string | null }

export async function getUserAttributes(db: DbOrTx, userId: string): Promise<UserAttributes> {
  const [row] = await db.select({ attributes: users.attributes }).from(users).where(eq(users.id, userId))
  return normaliseAttributes(row?.attributes)
}

export type AttributesChange =
  | { ok: true; before: UserAttributes; after: UserAttributes; changed: boolean }
  | { ok: false; reason: 'not-found' }

/** Applies a patch (null clears a field) to one user's profile, audited as `user.attributes`. */
export async function updateUserAttributes(
  db: Database,
  input: Actor & { userId: string; patch: UserAttributesPatch; via?: string },
): Promise<AttributesChange> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email, attributes: users.attributes })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update')
    if (!user) return { ok: false, reason: 'not-found' }
    const before = normaliseAttributes(user.attributes)
    const after = applyAttributesPatch(before, input.patch)
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, before, after, changed: false }
    await tx.update(users).set({ attributes: after }).where(eq(users.id, input.userId))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'user.attributes',
      targetType: 'user',
      targetId: input.userId,
      details: { email: user.email, before, after, ...(input.via ? { via: input.via } : {}) },
    })
    return { ok: true, before, after, changed: true }
  })
}

export type AttributesImportRow = { line: number; email: string; patch: UserAttributesPatch }

export type AttributesImport =
  | { ok: true; updated: number; unchanged: number }
  | { ok: false; errors: { line: number; error: string }[] }

/**
 * A CSV import of profiles: every row's user must exist, then all rows apply in ONE transaction (all or
 * nothing), one audit row per changed user (`via: csv`).
 */
export async function importUserAttributes(
  db: Database,
  input: Actor & { rows: AttributesImportRow[] },
): Promise<AttributesImport> {
  return db.transaction(async (tx) => {
    const emails = [...new Set(input.rows.map((r) => r.email.toLowerCase()))]
    const found =
      emails.length === 0
        ? []
        : await tx
            .select({ id: users.id, email: users.email, attributes: users.attributes })
            .from(users)
            .where(inArray(users.email, emails))
            .for('update')
    const byEmail = new Map(found.map((u) => [u.email, u]))
    const errors = input.rows
      .filter((r) => !byEmail.has(r.email.toLowerCase()))
      .map((r) => ({ line: r.line, error: `no user with e-mail ${r.email}` }))
    if (errors.length > 0) return { ok: false, errors }
    let updated = 0
    let unchanged = 0
    for (const row of input.rows) {
      const user = byEmail.get(row.email.toLowerCase())
      if (!user) continue
      const before = normaliseAttributes(user.attributes)
      const after = applyAttributesPatch(before, row.patch)
      if (JSON.stringify(before) === JSON.stringify(after)) {
        unchanged++
        continue
      }
      await tx.update(users).set({ attributes: after }).where(eq(users.id, user.id))
      // A later row for the same user builds on this one.
      user.attributes = after
      await recordAudit(tx, {
        actorId: input.actorId,
        action: 'user.attributes',
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, before, after, via: 'csv' },
      })
      updated++
    }
    return { ok: true, updated, unchanged }
  })
}

/** Sign-in: the identity provider's attributes overwrite the fields it asserts; others stay as set. */
export async function mergeUserAttributes(
  db: DbOrTx,
  userId: string,
  asserted: UserAttributes,
): Promise<void> {
  if (Object.keys(asserted).length === 0) return
  const [row] = await db.select({ attributes: users.attributes }).from(users).where(eq(users.id, userId))
  if (!row) return
  const next = applyAttributesPatch(normaliseAttributes(row.attributes), asserted)
  if (JSON.stringify(next) !== JSON.stringify(normaliseAttributes(row.attributes)))
    await db.update(users).set({ attributes: next }).where(eq(users.id, userId))
}

export type ApplicabilityChange =
  | { ok: true; before: Applicability; after: Applicability; changed: boolean }
  | { ok: false; reason: 'not-found' }

/**
 * Sets whom a document applies to ({} = everyone), audited as `document.applicability`. Clears any
 * pending suggestion (the admin decided) and bumps the corpus revision: retrieval filters by it.
 */
export async function setDocumentApplicability(
  db: Database,
  input: Actor & { documentId: string; applicability: Applicability },
): Promise<ApplicabilityChange> {
  const after = normaliseApplicability(input.applicability)
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select({
        title: documents.title,
        applicability: documents.applicability,
        suggested: documents.suggestedApplicability,
      })
      .from(documents)
      .where(eq(documents.id, input.documentId))
      .for('update')
    if (!document) return { ok: false, reason: 'not-found' }
    const before = normaliseApplicability(document.applicability)
    const changed = JSON.stringify(before) !== JSON.stringify(after)
    if (!changed && document.suggested === null) return { ok: true, before, after, changed: false }
    await tx
      .update(documents)
      .set({ applicability: after, suggestedApplicability: null })
      .where(eq(documents.id, input.documentId))
    if (changed) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: 'document.applicability',
        targetType: 'document',
        targetId: input.documentId,
        details: { title: document.title, before, after },
      })
      await bumpCorpusRevision(tx)
    }
    return { ok: true, before, after, changed }
  })
}

/** Dismisses the suggestion from the text (nothing retrieval reads changes). */
export async function dismissSuggestedApplicability(
  db: Database,
  input: Actor & { documentId: string },
): Promise<{ ok: boolean }> {
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select({ title: documents.title, suggested: documents.suggestedApplicability })
      .from(documents)
      .where(eq(documents.id, input.documentId))
      .for('update')
    if (!document) return { ok: false }
    if (document.suggested === null) return { ok: true }
    await tx.update(documents).set({ suggestedApplicability: null }).where(eq(documents.id, input.documentId))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.applicability.dismiss',
      targetType: 'document',
      targetId: input.documentId,
      details: { title: document.title, suggested: document.suggested },
    })
    return { ok: true }
  })
}

/** Ingestion: a suggestion is stored only while the document has no applicability and none pending. */
export async function suggestDocumentApplicability(
  db: DbOrTx,
  documentId: string,
  suggestion: Applicability,
): Promise<boolean> {
  const [document] = await db
    .select({ applicability: documents.applicability, suggested: documents.suggestedApplicability })
    .from(documents)
    .where(eq(documents.id, documentId))
  if (!document || Object.keys(normaliseApplicability(document.applicability)).length > 0) return false
  if (document.suggested !== null) return false
  await db
    .update(documents)
    .set({ suggestedApplicability: normaliseApplicability(suggestion) })
    .where(eq(documents.id, documentId))
  return true
}
