import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { groups, type UserAttributes, type UserRole, userGroups, users } from '../schema'
import { ensureGroups, readableGroupsOf } from './groups'

export type UserInput = {
  email: string
  name: string
  role: UserRole
  groups?: string[]
  /** The asker profile; absent = left as it is. */
  attributes?: UserAttributes
}

/**
 * Creates or updates a user by e-mail and sets their group memberships (when given): seeds and tests.
 * OIDC sign-in keys users by issuer + subject instead (signInOidcUser in oidc-users.ts).
 */
export async function upsertUser(db: DbOrTx, input: UserInput): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      ...(input.attributes ? { attributes: input.attributes } : {}),
    })
    .onConflictDoUpdate({
      target: users.email,
      set: {
        name: input.name,
        role: input.role,
        ...(input.attributes ? { attributes: input.attributes } : {}),
      },
    })
    .returning({ id: users.id })
  if (!row) throw new Error(`Could not upsert user ${input.email}`)
  if (input.groups) await setUserGroups(db, row.id, input.groups)
  return row.id
}

/** Replaces a user's group memberships (creating missing groups by name). */
export async function setUserGroups(db: DbOrTx, userId: string, groupNames: string[]): Promise<void> {
  const groupIds = await ensureGroups(db, groupNames)
  await db.delete(userGroups).where(eq(userGroups.userId, userId))
  if (groupIds.length > 0)
    await db.insert(userGroups).values(groupIds.map((groupId) => ({ userId, groupId })))
}

export async function getUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  return row ?? null
}

export async function getUserById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  return row ?? null
}

/**
 * The user and the groups whose documents they may read (readableGroupIds), in one statement: every
 * signed-in request needs both. Group ids sorted like readableGroupIds'.
 */
export async function getUserWithReadableGroups(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      user: users,
      // "users"."id" by hand: drizzle renders a single-table select's columns unqualified, and an
      // unqualified "id" inside the subquery would be the group's.
      groupIds: sql<
        string[]
      >`array(select ${groups.id}::text from ${groups} where ${readableGroupsOf(sql.raw('"users"."id"'))})`,
    })
    .from(users)
    .where(eq(users.id, id))
  return row ? { ...row.user, groupIds: [...row.groupIds].sort() } : null
}

export async function listUsers(db: DbOrTx) {
  return db.select().from(users).orderBy(users.email)
}
