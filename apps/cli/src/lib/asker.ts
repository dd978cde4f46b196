import { type Database, getUserByEmail, normaliseAttributes, readableGroupIds } from '@policydesk/db'
import type { Asker } from '@policydesk/inference'
import { UserFacingError } from '@policydesk/runtime'

/** The user a CLI question is asked as: their groups decide what can be retrieved, their profile whose rules. */
export async function askerByEmail(db: Database, email: string): Promise<Asker & { email: string }> {
  const user = await getUserByEmail(db, email)
  if (!user) throw new UserFacingError(`No user ${email} (seed the demo users with \`policydesk db seed\`)`)
  return {
    userId: user.id,
    email: user.email,
    groupIds: await readableGroupIds(db, user.id),
    attributes: normaliseAttributes(user.attributes),
  }
}
