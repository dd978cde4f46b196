import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { EVERYONE_GROUP, ensureGroup } from '../queries/groups'
import { type UserInput, upsertUser } from '../queries/users'
import { type GroupPermission, groups } from '../schema'

/**
 * Stable demo identities: tests, docs and demos rely on these exact emails. Their profiles match the demo
 * company's offices (samples/README.md): the Lisbon and the Berlin employee get their own country's rules.
 */
export const demoUsers = [
  {
    email: 'employee@example.com',
    name: 'Emma Employee',
    role: 'employee',
    groups: [],
    attributes: {
      country: 'PT',
      location: 'Lisbon',
      employmentType: 'full-time',
      department: 'Customer Success',
      level: 'L3',
      startDate: '2024-03-04',
    },
  },
  {
    email: 'admin@example.com',
    name: 'Adam Admin',
    role: 'admin',
    groups: [],
    attributes: {
      country: 'US',
      location: 'Austin',
      employmentType: 'full-time',
      department: 'IT',
      level: 'L5',
      startDate: '2021-09-13',
    },
  },
  {
    email: 'analyst@example.com',
    name: 'Ana Analyst',
    role: 'analyst',
    groups: [],
    attributes: {
      country: 'DE',
      location: 'Berlin',
      employmentType: 'full-time',
      department: 'Operations',
      level: 'L4',
      startDate: '2023-01-09',
    },
  },
  {
    email: 'hr@example.com',
    name: 'Harper HR',
    role: 'employee',
    groups: ['hr'],
    attributes: {
      country: 'DE',
      location: 'Berlin',
      employmentType: 'full-time',
      department: 'People',
      level: 'L4',
      startDate: '2022-05-02',
    },
  },
  {
    email: 'berlin@example.com',
    name: 'Ben Berlin',
    role: 'employee',
    groups: [],
    attributes: {
      country: 'DE',
      location: 'Berlin',
      employmentType: 'full-time',
      department: 'Engineering',
      level: 'L3',
      startDate: '2025-02-03',
    },
  },
] as const satisfies readonly UserInput[]

export const demoGroups = [
  { name: EVERYONE_GROUP, description: 'Every signed-in user' },
  { name: 'hr', description: 'People team: may read restricted HR documents', permissions: ['handoffs'] },
] as const satisfies readonly {
  name: string
  description: string
  permissions?: readonly GroupPermission[]
}[]

/** Idempotent: running it twice changes nothing. */
export async function seedDemoUsers(db: DbOrTx): Promise<void> {
  for (const group of demoGroups) {
    const id = await ensureGroup(db, group.name, group.description)
    // hr answers handed-off questions (/handoffs). A union, so other permissions an admin granted stay.
    if ('permissions' in group)
      await db
        .update(groups)
        .set({
          permissions: sql`array(select distinct unnest(${groups.permissions} || ${sql.param([...group.permissions])}::text[]))`,
        })
        .where(eq(groups.id, id))
  }
  for (const user of demoUsers)
    await upsertUser(db, { ...user, groups: [...user.groups], attributes: { ...user.attributes } })
}
