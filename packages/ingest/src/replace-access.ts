import {
  type DbOrTx,
  documentGroupNames,
  EVERYONE_GROUP,
  recordAudit,
  schema,
  setDocumentGroups,
} from '@policydesk/db'
import { and, eq, isNotNull } from 'drizzle-orm'

/**
 * The rule for changing who may read a document together with a new version of it (a web replace with
 * groups, `policydesk ingest --replace-groups`):
 *
 * - Removals apply at once: a group that should lose access loses it now, to the current version too
 *   (`everyone` includes every user, so a new set containing it removes no reader).
 * - Additions wait for the new version: they are stored on the version (`pending_groups`) and applied in
 *   the transaction that makes it current. A group that gains access never reads the version it was not
 *   meant to read, and if the new version fails, or a newer one becomes current first, it gains nothing.
 *
 * So `hr → everyone` keeps `hr` until the version is ready; `hr → finance` leaves the document readable by
 * no group (admins only) until then. The request and, later, the additions are audited
 * (`document.access`) in the transaction that makes each of them.
 */

const { documents, documentVersions } = schema

export const sortedGroups = (names: readonly string[]) => [...new Set(names)].sort()
export const sameGroups = (a: readonly string[], b: readonly string[]) =>
  sortedGroups(a).join('\n') === sortedGroups(b).join('\n')

/** An access change that arrived with a version; `pending` is null when nothing waits for the version. */
export type GroupsOutcome = { before: string[]; current: string[]; pending: string[] | null }

/**
 * `groups` given for an existing document without asking to replace its groups. Nothing is stored: a
 * re-ingest must never silently change who may read a document.
 */
export class GroupsConflict extends Error {
  override name = 'GroupsConflict'
  constructor(
    readonly document: { slug: string; title: string },
    readonly existing: string[],
    readonly requested: string[],
  ) {
    super(
      `"${document.title}" (${document.slug}) already exists and is readable by ${describe(existing)}; ` +
        `the groups given are ${describe(requested)}. Its groups were not changed and no version was stored. ` +
        'Replace its groups explicitly (--replace-groups), or leave the groups out to keep them.',
    )
  }
}

const describe = (groups: string[]) => (groups.length > 0 ? groups.join(', ') : 'no group')

type Change = {
  document: { id: string; title: string }
  version: { id: string; versionNo: number; isCurrent: boolean }
  before: string[]
  requested: string[]
  actorId: string | null
  via: string
}

/** Applies the removals now and parks the additions on the version (or applies them now if it is current). */
export async function replaceGroupsWithVersion(tx: DbOrTx, change: Change): Promise<GroupsOutcome> {
  const before = sortedGroups(change.before)
  const requested = sortedGroups(change.requested)
  // `everyone` holds every user: no set widens it, and a set with it takes no reader away.
  const widens = !before.includes(EVERYONE_GROUP) && requested.some((g) => !before.includes(g))
  const interim = requested.includes(EVERYONE_GROUP) ? before : before.filter((g) => requested.includes(g))
  // The version already readable (identical bytes to the current one): nothing new to wait for.
  const current = widens && !change.version.isCurrent ? interim : requested
  const pending = sameGroups(current, requested) ? null : requested
  if (!sameGroups(current, before)) await setDocumentGroups(tx, change.document.id, current)
  // The request is recorded now, by whom and from where, even when all of it waits for the version.
  await recordAudit(tx, {
    actorId: change.actorId,
    action: 'document.access',
    targetType: 'document',
    targetId: change.document.id,
    details: {
      title: change.document.title,
      before,
      after: current,
      via: change.via,
      ...(pending ? { pending, pendingVersionNo: change.version.versionNo } : {}),
    },
  })
  await tx
    .update(documentVersions)
    .set({ pendingGroups: pending })
    .where(eq(documentVersions.id, change.version.id))
  return { before, current, pending }
}

/**
 * Inside the transaction that stored `versionId`: applies its pending groups if it became the document's
 * current version, and drops them either way (a version that lost the race to a newer one grants nothing).
 */
export async function applyPendingGroups(
  tx: DbOrTx,
  input: { versionId: string; documentId: string; becameCurrent: boolean },
): Promise<void> {
  // RETURNING shows the row after the update, so read the pending groups first.
  const [version] = await tx
    .select({
      pending: documentVersions.pendingGroups,
      versionNo: documentVersions.versionNo,
      createdBy: documentVersions.createdBy,
    })
    .from(documentVersions)
    .where(and(eq(documentVersions.id, input.versionId), isNotNull(documentVersions.pendingGroups)))
  if (!version?.pending) return
  await tx
    .update(documentVersions)
    .set({ pendingGroups: null })
    .where(eq(documentVersions.id, input.versionId))
  if (!input.becameCurrent) return
  const before = await documentGroupNames(tx, input.documentId)
  const after = sortedGroups(version.pending)
  if (sameGroups(before, after)) return
  const [document] = await tx
    .select({ title: documents.title })
    .from(documents)
    .where(eq(documents.id, input.documentId))
  await setDocumentGroups(tx, input.documentId, after)
  await recordAudit(tx, {
    actorId: version.createdBy,
    action: 'document.access',
    targetType: 'document',
    targetId: input.documentId,
    details: { title: document?.title ?? '', before, after, appliedWithVersionNo: version.versionNo },
  })
}
