import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { type UserRole, users } from '../schema'

export type DirectoryUser = { id: string; email: string; name: string; role: UserRole; groups: string[] }

/** Users with their group names (without the implicit `everyone`), for sign-in pickers and admin lists. */
export async function listUsersWithGroups(db: DbOrTx): Promise<DirectoryUser[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      groups: sql<
        string[]
      >`coalesce((select array_agg(g.name order by g.name) from user_groups ug join groups g on g.id = ug.group_id where ug.user_id = users.id), '{}')`,
    })
    .from(users)
    .orderBy(users.email)
}
