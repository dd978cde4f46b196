import type { ReviewViewer } from '@policydesk/db'
import type { SessionUser } from '@/lib/server/auth/current-user'

/** The review queries' permission input: role and the groups whose documents the user may read. */
export const toViewer = (user: SessionUser): ReviewViewer => ({ role: user.role, groupIds: user.groupIds })
