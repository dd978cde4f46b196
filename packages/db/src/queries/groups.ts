import { eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { groups, userGroups } from '../schema'

export const EVERYONE_GROUP = 'everyone'

/** Returns the group's id, creating it when missing (idempotent under concurrent callers). */
export async function ensureGroup(db: DbOrTx, name: string, description = ''): Promise<string> {
  const [row] = await db
    .insert(groups)
    .values({ name, description })
    .onConflictDoUpdate({ target: groups.name, set: { name: sql`excluded.name` } })
    .returning({ id: groups.id })
  if (!row) throw new Error(`Could not ensure group ${name}`)
  return row.id
}

export async function ensureGroups(db: DbOrTx, names: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const name of [...new Set(names)]) ids.push(await ensureGroup(db, name))
  return ids
}

export async function listGroups(db: DbOrTx) {
  return db.select().from(groups).orderBy(groups.name)
}

export async function findGroupsByName(db: DbOrTx, names: string[]) {
  if (names.length === 0) return []
  return db.select().from(groups).where(inArray(groups.name, names))
}

/**
 * The groups whose documents a user may read: their memberships plus `everyone`. Sorted, so the set can
 * be part of a cache key.
 */
export async function readableGroupIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.select({ id: groups.id }).from(groups).where(readableGroupsOf(userId))
  return rows.map((r) => r.id).sort()
}

/** The condition on `groups` behind readableGroupIds; `userId` may be a value or an outer query's column. */
export const readableGroupsOf = (userId: string | SQL): SQL =>
  sql`(${groups.name} = ${EVERYONE_GROUP} or ${groups.id} in (select ${userGroups.groupId} from ${userGroups} where ${userGroups.userId} = ${userId}))`

export async function groupIdByName(db: DbOrTx, name: string): Promise<string | null> {
  const [row] = await db.select({ id: groups.id }).from(groups).where(eq(groups.name, name))
  return row?.id ?? null
}
