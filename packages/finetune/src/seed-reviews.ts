import { type Database, demoUsers, getUserByEmail, readableGroupIds, seedDemoUsers } from '@policydesk/db'
import type { Asker, InferenceDeps } from '@policydesk/inference'
import { generateSyntheticReviews, type SyntheticQuestion, type SyntheticStats } from './synthetic-reviews'

/**
 * Demo data for the training side: the sample questions asked by the demo users (a question that needs a
 * restricted group is asked by a demo user in that group, the rest by the employee) and reviewed
 * synthetically by the analyst. Needs the demo corpus (`policydesk db seed`). Idempotent.
 */
export async function seedDemoReviews(
  db: Database,
  deps: InferenceDeps,
  questions: SyntheticQuestion[],
  onProgress?: (done: number, total: number) => void,
): Promise<SyntheticStats> {
  await seedDemoUsers(db)
  const askers = new Map<string, Asker>()
  const askerByEmail = async (email: string): Promise<Asker> => {
    const user = await getUserByEmail(db, email)
    if (!user) throw new Error(`demo user ${email} is missing`)
    return { userId: user.id, groupIds: await readableGroupIds(db, user.id) }
  }
  for (const user of demoUsers) askers.set(user.email, await askerByEmail(user.email))
  const employee = askers.get('employee@example.com')
  const analyst = await getUserByEmail(db, 'analyst@example.com')
  if (!employee) throw new Error('demo user employee@example.com is missing')
  const memberOf = (group: string) =>
    demoUsers.find((u) => (u.groups as readonly string[]).includes(group))?.email ?? 'employee@example.com'
  return generateSyntheticReviews(db, deps, {
    questions,
    askerFor: (q) => (q.requires_group ? (askers.get(memberOf(q.requires_group)) ?? employee) : employee),
    reviewerId: analyst?.id ?? null,
    onProgress,
  })
}
