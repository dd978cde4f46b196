import { index, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'

export const userRoles = ['employee', 'admin', 'analyst'] as const
export const userRole = pgEnum('user_role', userRoles)
export type UserRole = (typeof userRoles)[number]

export const users = pgTable('users', {
  id: id(),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: userRole().notNull().default('employee'),
  ...timestamps,
})

/** Access groups. `everyone` is implicit for every user; documents default to it. */
export const groups = pgTable('groups', {
  id: id(),
  name: text().notNull().unique(),
  description: text().notNull().default(''),
  ...timestamps,
})

export const userGroups = pgTable(
  'user_groups',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: uuid()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] }), index().on(t.groupId)],
)

export type User = typeof users.$inferSelect
export type Group = typeof groups.$inferSelect
