import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { listAuditActions, listAuditLog } from './audit'
import { groupIdByName, readableGroupIds } from './groups'
import { getUserByEmail } from './users'
import {
  addUserToGroup,
  changeUserRole,
  createGroup,
  listGroupsWithCounts,
  listUsersForAdmin,
  removeUserFromGroup,
  renameGroup,
} from './users-admin'

let t: TestDatabase
let admin: string
let employee: string
let analyst: string

async function userId(email: string): Promise<string> {
  const user = await getUserByEmail(t.db, email)
  if (!user) throw new Error(`missing ${email}`)
  return user.id
}

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  admin = await userId('admin@example.com')
  employee = await userId('employee@example.com')
  analyst = await userId('analyst@example.com')
})
afterAll(async () => {
  await t?.stop()
})

describe('users and roles', () => {
  it('lists users with their explicit groups', async () => {
    const users = await listUsersForAdmin(t.db)
    expect(users.map((u) => u.email)).toContain('hr@example.com')
    expect(users.find((u) => u.email === 'hr@example.com')?.groups.map((g) => g.name)).toEqual(['hr'])
    expect(users.find((u) => u.email === 'employee@example.com')?.groups).toEqual([])
  })

  it('never demotes the last admin, themselves included', async () => {
    expect(await changeUserRole(t.db, { userId: admin, role: 'employee', actorId: admin })).toEqual({
      ok: false,
      reason: 'last-admin',
    })
    expect(await changeUserRole(t.db, { userId: analyst, role: 'admin', actorId: admin })).toEqual({
      ok: true,
      before: 'analyst',
      after: 'admin',
    })
    // With a second admin, the first may step down; the second is then the last one.
    expect((await changeUserRole(t.db, { userId: admin, role: 'analyst', actorId: admin })).ok).toBe(true)
    expect(await changeUserRole(t.db, { userId: analyst, role: 'employee', actorId: analyst })).toEqual({
      ok: false,
      reason: 'last-admin',
    })
    await changeUserRole(t.db, { userId: admin, role: 'admin', actorId: analyst })
    await changeUserRole(t.db, { userId: analyst, role: 'analyst', actorId: admin })
    const log = await listAuditLog(t.db, { action: 'user.role', limit: 10, offset: 0 })
    expect(log.total).toBe(4)
    expect(log.rows.at(-1)?.details).toEqual({
      email: 'analyst@example.com',
      before: 'analyst',
      after: 'admin',
    })
    expect(await changeUserRole(t.db, { userId: analyst, role: 'analyst', actorId: admin })).toMatchObject({
      ok: true,
    })
    expect((await listAuditLog(t.db, { action: 'user.role', limit: 10, offset: 0 })).total).toBe(4)
  })
})

describe('groups and memberships', () => {
  it('creates and renames groups, refusing duplicates and the implicit everyone group', async () => {
    const created = await createGroup(t.db, { name: 'finance', description: 'Money people', actorId: admin })
    expect(created.ok).toBe(true)
    expect(await createGroup(t.db, { name: 'finance', actorId: admin })).toEqual({
      ok: false,
      reason: 'exists',
    })
    const financeId = created.ok ? created.id : ''
    expect(await renameGroup(t.db, { groupId: financeId, name: 'hr', actorId: admin })).toEqual({
      ok: false,
      reason: 'exists',
    })
    expect((await renameGroup(t.db, { groupId: financeId, name: 'finance-team', actorId: admin })).ok).toBe(
      true,
    )
    const everyone = (await groupIdByName(t.db, 'everyone')) ?? ''
    expect(await renameGroup(t.db, { groupId: everyone, name: 'all', actorId: admin })).toEqual({
      ok: false,
      reason: 'implicit-group',
    })
    const groups = await listGroupsWithCounts(t.db)
    expect(groups.map((g) => g.name)).toEqual(['everyone', 'finance-team', 'hr'])
    expect(groups.find((g) => g.name === 'hr')?.memberCount).toBe(1)
    const log = await listAuditLog(t.db, { action: 'group.rename', limit: 10, offset: 0 })
    expect(log.rows[0]?.details).toEqual({ before: 'finance', after: 'finance-team' })
  })

  it('adds and removes memberships, which change what the user may read', async () => {
    const hr = (await groupIdByName(t.db, 'hr')) ?? ''
    const everyone = (await groupIdByName(t.db, 'everyone')) ?? ''
    expect(await readableGroupIds(t.db, employee)).toEqual([everyone])
    expect(await addUserToGroup(t.db, { userId: employee, groupId: hr, actorId: admin })).toEqual({
      ok: true,
      changed: true,
    })
    expect(await addUserToGroup(t.db, { userId: employee, groupId: hr, actorId: admin })).toEqual({
      ok: true,
      changed: false,
    })
    expect(await readableGroupIds(t.db, employee)).toHaveLength(2)
    expect(await addUserToGroup(t.db, { userId: employee, groupId: everyone, actorId: admin })).toEqual({
      ok: false,
      reason: 'implicit-group',
    })
    expect((await removeUserFromGroup(t.db, { userId: employee, groupId: hr, actorId: admin })).ok).toBe(true)
    expect(await readableGroupIds(t.db, employee)).toEqual([everyone])
    const log = await listAuditLog(t.db, { actorId: admin, limit: 50, offset: 0 })
    const actions = log.rows.map((r) => r.action)
    expect(actions.filter((a) => a.startsWith('user.membership'))).toEqual([
      'user.membership.remove',
      'user.membership.add',
    ])
    expect(await listAuditActions(t.db)).toContain('group.create')
  })

  it('filters the audit log by date range', async () => {
    const future = new Date(Date.now() + 60_000)
    expect((await listAuditLog(t.db, { from: future, limit: 10, offset: 0 })).total).toBe(0)
    const all = await listAuditLog(t.db, { to: future, limit: 2, offset: 0 })
    expect(all.total).toBeGreaterThan(5)
    expect(all.rows).toHaveLength(2)
  })
})
