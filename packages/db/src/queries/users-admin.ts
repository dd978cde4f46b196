import { and, eq, ne, sql } from 'drizzle-orm'
import { documentCountOf } from '../access'
import type { Database, DbOrTx } from '../client'
import { groups, type UserAttributes, type UserRole, userGroups, users } from '../schema'
import { recordAudit } from './audit'
import { EVERYONE_GROUP } from './groups'

/**
 * Users, roles, groups and memberships as the admin console changes them. Every change runs in one
 * transaction with its audit row.
 */

type Actor = { actorId: string }

export type AdminUserRow = {
  id: string
  email: string
  name: string
  role: UserRole
  createdAt: Date
  /** Explicit memberships (`everyone` is implicit and never listed). */
  groups: { id: string; name: string }[]
  /** The asker profile (country, office, contract…). */
  attributes: UserAttributes
}

export async function listUsersForAdmin(db: DbOrTx): Promise<AdminUserRow[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      attributes: users.attributes,
      groups: sql<
        { id: string; name: string }[]
      >`coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name) from user_groups ug join groups g on g.id = ug.group_id where ug.user_id = users.id), '[]'::json)`,
    })
    .from(users)
    .orderBy(users.name, users.email)
}

export type AdminGroupRow = {
  id: string
  name: string
  description: string
  /** What members may do beyond reading (`handoffs`). */
  permissions: string[]
  memberCount: number
  documentCount: number
  createdAt: Date
}

export async function listGroupsWithCounts(db: DbOrTx): Promise<AdminGroupRow[]> {
  return db
    .select({
      id: groups.id,
      name: groups.name,
      description: groups.description,
      permissions: groups.permissions,
      memberCount: sql<number>`(select count(*)::int from user_groups ug where ug.group_id = groups.id)`,
      documentCount: documentCountOf(sql.raw('"groups"."id"')),
      createdAt: groups.createdAt,
    })
    .from(groups)
    .orderBy(groups.name)
}

export type RoleChange =
  | { ok: true; before: UserRole; after: UserRole }
  | { ok: false; reason: 'not-found' | 'last-admin' }

/**
 * Sets a user's role. The last admin can never be demoted (by anyone, themselves included): the admin rows
 * are locked first, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function changeUserRole(
  db: Database,
  input: Actor & { userId: string; role: UserRole },
): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    const admins = await tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).for('update')
    const [user] = await tx
      .select({ role: users.role, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId))
    if (!user) return { ok: false, reason: 'not-found' }
    if (user.role === input.role) return { ok: true, before: user.role, after: user.role }
    if (user.role === 'admin' && admins.length <= 1) return { ok: false, reason: 'last-admin' }
    await tx.update(users).set({ role: input.role }).where(eq(users.id, input.userId))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'user.role',
      targetType: 'user',
      targetId: input.userId,
      details: { email: user.email, before: user.role, after: input.role },
    })
    return { ok: true, before: user.role, after: input.role }
  })
}

export type MembershipChange =
  | { ok: true; changed: boolean }
  | { ok: false; reason: 'user-not-found' | 'group-not-found' | 'implicit-group' }

async function membershipTargets(tx: DbOrTx, userId: string, groupId: string) {
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId))
  const [group] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.id, groupId))
  return { user, group }
}

export async function addUserToGroup(
  db: Database,
  input: Actor & { userId: string; groupId: string },
): Promise<MembershipChange> {
  return db.transaction(async (tx) => {
    const { user, group } = await membershipTargets(tx, input.userId, input.groupId)
    if (!user) return { ok: false, reason: 'user-not-found' }
    if (!group) return { ok: false, reason: 'group-not-found' }
    if (group.name === EVERYONE_GROUP) return { ok: false, reason: 'implicit-group' }
    const added = await tx
      .insert(userGroups)
      .values({ userId: input.userId, groupId: input.groupId })
      .onConflictDoNothing()
      .returning({ userId: userGroups.userId })
    if (added.length === 0) return { ok: true, changed: false }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'user.membership.add',
      targetType: 'user',
      targetId: input.userId,
      details: { email: user.email, group: group.name, groupId: input.groupId },
    })
    return { ok: true, changed: true }
  })
}

export async function removeUserFromGroup(
  db: Database,
  input: Actor & { userId: string; groupId: string },
): Promise<MembershipChange> {
  return db.transaction(async (tx) => {
    const { user, group } = await membershipTargets(tx, input.userId, input.groupId)
    if (!user) return { ok: false, reason: 'user-not-found' }
    if (!group) return { ok: false, reason: 'group-not-found' }
    const removed = await tx
      .delete(userGroups)
      .where(and(eq(userGroups.userId, input.userId), eq(userGroups.groupId, input.groupId)))
      .returning({ userId: userGroups.userId })
    if (removed.length === 0) return { ok: true, changed: false }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'user.membership.remove',
      targetType: 'user',
      targetId: input.userId,
      details: { email: user.email, group: group.name, groupId: input.groupId },
    })
    return { ok: true, changed: true }
  })
}

export type GroupChange =
  | { ok: true; id: string }
  | { ok: false; reason: 'exists' | 'not-found' | 'implicit-group' }

export async function createGroup(
  db: Database,
  input: Actor & { name: string; description?: string },
): Promise<GroupChange> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(groups)
      .values({ name: input.name, description: input.description ?? '' })
      .onConflictDoNothing({ target: groups.name })
      .returning({ id: groups.id })
    if (!created) return { ok: false, reason: 'exists' }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'group.create',
      targetType: 'group',
      targetId: created.id,
      details: { name: input.name },
    })
    return { ok: true, id: created.id }
  })
}

/**
 * Renames a group (and updates its description). Access follows group ids, so documents and members are
 * unaffected; `everyone` is found by name and cannot be renamed.
 */
export async function renameGroup(
  db: Database,
  input: Actor & { groupId: string; name: string; description?: string },
): Promise<GroupChange> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .select({ name: groups.name, description: groups.description })
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for('update')
    if (!group) return { ok: false, reason: 'not-found' }
    if (group.name === EVERYONE_GROUP && input.name !== EVERYONE_GROUP) {
      return { ok: false, reason: 'implicit-group' }
    }
    const [clash] = await tx
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.name, input.name), ne(groups.id, input.groupId)))
    if (clash) return { ok: false, reason: 'exists' }
    const description = input.description ?? group.description
    if (group.name === input.name && group.description === description) return { ok: true, id: input.groupId }
    await tx.update(groups).set({ name: input.name, description }).where(eq(groups.id, input.groupId))
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'group.rename',
      targetType: 'group',
      targetId: input.groupId,
      details: { before: group.name, after: input.name },
    })
    return { ok: true, id: input.groupId }
  })
}
