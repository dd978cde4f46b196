import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { type UserRole, userGroups, users } from '../schema'
import { ensureGroups } from './groups'

export type UserInput = { email: string; name: string; role: UserRole; groups?: string[] }

/** Creates or updates a user and sets their group memberships (when given). */
export async function upsertUser(db: DbOrTx, input: UserInput): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, role: input.role })
    .onConflictDoUpdate({ target: users.email, set: { name: input.name, role: input.role } })
    .returning({ id: users.id })
  if (!row) throw new Error(`Could not upsert user ${input.email}`)
  if (input.groups) {
    const groupIds = await ensureGroups(db, input.groups)
    await db.delete(userGroups).where(eq(userGroups.userId, row.id))
    if (groupIds.length > 0) {
      await db.insert(userGroups).values(groupIds.map((groupId) => ({ userId: row.id, groupId })))
    }
  }
  return row.id
}

export async function getUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  return row ?? null
}

export async function getUserById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  return row ?? null
}

export async function listUsers(db: DbOrTx) {
  return db.select().from(users).orderBy(users.email)
}
