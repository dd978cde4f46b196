import type { UserRole } from '../schema'

/**
 * Who is looking. `groupIds` are the groups whose documents they may read (memberships plus `everyone`,
 * from `readableGroupIds`). On review surfaces an admin sees everything; on reading surfaces (chat,
 * citations, original files, curated answers served) only the groups count, for admins too.
 */
export type Viewer = { role: UserRole; groupIds: string[] }

/** The older name of `Viewer`, from when only the review area took one. */
export type ReviewViewer = Viewer

export const seesEverything = (viewer: Viewer) => viewer.role === 'admin'
