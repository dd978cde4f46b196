import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import type { UserAttributes } from './profiles'

export const userRoles = ['employee', 'admin', 'analyst'] as const
export const userRole = pgEnum('user_role', userRoles)
export type UserRole = (typeof userRoles)[number]

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Contact and display; not the identity for OIDC sign-in (an e-mail can change at the provider). */
    email: text().notNull().unique(),
    name: text().notNull(),
    role: userRole().notNull().default('employee'),
    /**
     * The OIDC identity this account signs in as: the provider's issuer and its stable subject (`sub`).
     * Null until the first OIDC sign-in (seeded users, dev mode). Linking rule: queries/oidc-users.ts.
     */
    oidcIssuer: text(),
    oidcSubject: text(),
    /** The asker profile (country, office, contract…) that makes answers personal; see ./profiles.ts. */
    attributes: jsonb().$type<UserAttributes>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    unique().on(t.oidcIssuer, t.oidcSubject),
    check('users_oidc_identity_complete', sql`(${t.oidcIssuer} is null) = (${t.oidcSubject} is null)`),
  ],
)

export const groupPermissions = ['handoffs'] as const
export type GroupPermission = (typeof groupPermissions)[number]

/** Access groups. `everyone` is implicit for every user; documents default to it. */
export const groups = pgTable('groups', {
  id: id(),
  name: text().notNull().unique(),
  description: text().notNull().default(''),
  /** What members may do beyond reading: `handoffs` = answer questions handed to this group (/handoffs). */
  permissions: text().array().$type<GroupPermission[]>().notNull().default(sql`'{}'::text[]`),
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
