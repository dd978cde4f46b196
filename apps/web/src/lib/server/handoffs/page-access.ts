import 'server-only'
import { viewerHandlesHandoffs } from '@policydesk/db'
import { forbidden } from 'next/navigation'
import type { SessionUser } from '@/lib/server/auth/current-user'
import { requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'

/** The /handoffs pages: admins and members of a group holding the `handoffs` permission; 403 otherwise. */
export async function requireHandoffsPage(): Promise<SessionUser> {
  const user = await requirePageRole()
  if (!(await viewerHandlesHandoffs(getDb(), user))) forbidden()
  return user
}
