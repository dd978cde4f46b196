import type { DbOrTx } from '../client'
import { EVERYONE_GROUP, ensureGroup } from '../queries/groups'
import { type UserInput, upsertUser } from '../queries/users'

/** Stable demo identities: tests, docs and demos rely on these exact emails. */
export const demoUsers = [
  { email: 'employee@example.com', name: 'Emma Employee', role: 'employee', groups: [] },
  { email: 'admin@example.com', name: 'Adam Admin', role: 'admin', groups: [] },
  { email: 'analyst@example.com', name: 'Ana Analyst', role: 'analyst', groups: [] },
  { email: 'hr@example.com', name: 'Harper HR', role: 'employee', groups: ['hr'] },
] as const satisfies readonly UserInput[]

export const demoGroups = [
  { name: EVERYONE_GROUP, description: 'Every signed-in user' },
  { name: 'hr', description: 'People team: may read restricted HR documents' },
] as const

/** Idempotent: running it twice changes nothing. */
export async function seedDemoUsers(db: DbOrTx): Promise<void> {
  for (const group of demoGroups) await ensureGroup(db, group.name, group.description)
  for (const user of demoUsers) await upsertUser(db, { ...user, groups: [...user.groups] })
}
