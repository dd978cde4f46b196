import { type SQL, sql } from 'drizzle-orm'
import { readableByGroups } from './documents'
import { seesEverything, type Viewer } from './viewer'

/** Who looks at a handoff: the reading viewer plus their own id (the asker always sees their own). */
export type HandoffViewer = Viewer & { userId: string }

const routedGroupOf = sql.raw('"handoffs"."routed_group_id"')
const askerOf = sql.raw('"handoffs"."asker_id"')

/**
 * Whether the viewer's groups include the handoff's routed group AND that group holds the `handoffs`
 * permission: membership alone (hr may read hr documents) does not make someone answer questions.
 */
function handledByViewerGroups(viewer: HandoffViewer): SQL<boolean> {
  return sql<boolean>`(${routedGroupOf} = any(${sql.param([...viewer.groupIds])}::uuid[])
    and exists (select 1 from groups hg where hg.id = ${routedGroupOf} and 'handoffs' = any(hg.permissions)))`
}

/** Who may read a handoff (list, detail): its asker, members of its routed permitted group, admins. */
export function handoffVisibleTo(viewer: HandoffViewer): SQL<boolean> {
  if (seesEverything(viewer)) return sql<boolean>`true`
  return sql<boolean>`(${askerOf} = ${viewer.userId} or ${handledByViewerGroups(viewer)})`
}

/**
 * Who may act on a handoff as a person answering it (reply, claim, close, promote): members of its routed
 * permitted group and admins. The asker sees it but does not answer it.
 */
export function handoffAnswerableBy(viewer: HandoffViewer): SQL<boolean> {
  if (seesEverything(viewer)) return sql<boolean>`true`
  return handledByViewerGroups(viewer)
}

/**
 * Whether the viewer handles handoffs at all (the /handoffs inbox and its nav link): admins, and members of
 * a group holding the `handoffs` permission. A boolean SQL expression to select.
 */
export function handlesHandoffs(viewer: Viewer): SQL<boolean> {
  if (seesEverything(viewer)) return sql<boolean>`true`
  return sql<boolean>`exists (select 1 from groups hg where hg.id = any(${sql.param([...viewer.groupIds])}::uuid[])
    and 'handoffs' = any(hg.permissions))`
}

/**
 * A reply's citations are read by the ASKER in their conversation: each cited document must be readable
 * by the asker's groups (and by the replier's, so nobody cites what they cannot open). Admins reply with
 * their own reading groups ignored: they see everything on review surfaces, and the asker rule still holds.
 */
export function citableInReply(input: {
  askerGroupIds: readonly string[]
  replier: Viewer
  documentId: SQL
}): SQL<boolean> {
  const asker = readableByGroups(input.askerGroupIds, input.documentId)
  if (seesEverything(input.replier)) return asker
  return sql<boolean>`(${asker} and ${readableByGroups(input.replier.groupIds, input.documentId)})`
}
