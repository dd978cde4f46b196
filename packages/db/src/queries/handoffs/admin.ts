import { eq } from 'drizzle-orm'
import type { Database } from '../../client'
import { documents, type GroupPermission, groups } from '../../schema'
import { recordAudit } from '../audit'

type Actor = { actorId: string }

/** Grants/revokes what a group's members may do beyond reading (`handoffs`: answer handed-off questions). */
export async function setGroupPermissions(
  db: Database,
  input: Actor & { groupId: string; permissions: GroupPermission[] },
): Promise<
  { ok: true; before: GroupPermission[]; after: GroupPermission[] } | { ok: false; reason: 'not-found' }
> {
  const after = [...new Set(input.permissions)].sort()
  return db.transaction(async (tx) => {
    const [group] = await tx
      .select({ permissions: groups.permissions })
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for('update')
    if (!group) return { ok: false, reason: 'not-found' }
    await tx
      .update(groups)
      .set({ permissions: after, updatedAt: new Date() })
      .where(eq(groups.id, input.groupId))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'group.permissions',
      targetType: 'group',
      targetId: input.groupId,
      details: { before: group.permissions, after },
    })
    return { ok: true, before: group.permissions, after }
  })
}

/** Sets (or clears) the group that answers handoffs about a document. */
export async function setDocumentOwner(
  db: Database,
  input: Actor & { documentId: string; groupId: string | null },
): Promise<{ ok: true; ownerGroupId: string | null } | { ok: false; reason: 'not-found' | 'unknown-group' }> {
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ title: documents.title, ownerGroupId: documents.ownerGroupId })
      .from(documents)
      .where(eq(documents.id, input.documentId))
      .for('update')
    if (!doc) return { ok: false, reason: 'not-found' }
    if (input.groupId) {
      const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, input.groupId))
      if (!group) return { ok: false, reason: 'unknown-group' }
    }
    await tx
      .update(documents)
      .set({ ownerGroupId: input.groupId, updatedAt: new Date() })
      .where(eq(documents.id, input.documentId))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.owner',
      targetType: 'document',
      targetId: input.documentId,
      details: { title: doc.title, before: doc.ownerGroupId, after: input.groupId },
    })
    return { ok: true, ownerGroupId: input.groupId }
  })
}

/** The group answering handoffs about a document (null: routed by tag or to the default group). */
export async function documentOwnerGroupId(db: Database, documentId: string): Promise<string | null> {
  const [row] = await db
    .select({ ownerGroupId: documents.ownerGroupId })
    .from(documents)
    .where(eq(documents.id, documentId))
  return row?.ownerGroupId ?? null
}
