import { listGroupsWithCounts, listUsersForAdmin } from '@policydesk/db'
import { GroupManager } from '@/components/admin/users/group-manager'
import { UserRow } from '@/components/admin/users/user-row'
import { Card, CardHeader, EmptyState, PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

export default async function UsersPage() {
  const me = await requirePageRole(ROLES.admins)
  const db = getDb()
  const [users, groups] = await Promise.all([listUsersForAdmin(db), listGroupsWithCounts(db)])
  const admins = users.filter((u) => u.role === 'admin')
  return (
    <>
      <PageHeader
        title="Users and groups"
        description="Roles decide which areas someone may use; groups decide which documents they may read."
      />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card aria-labelledby="users-heading" className="min-w-0">
          <CardHeader
            title={<span id="users-heading">Users</span>}
            description="Changes apply on the user’s next request."
          />
          {users.length === 0 ? (
            <div className="p-4">
              <EmptyState title="No users yet">Users appear here after their first sign-in.</EmptyState>
            </div>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Users with their role and groups</caption>
                <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      User
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Role
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Groups
                    </th>
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">Add to group</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((user) => (
                    <UserRow
                      key={user.id}
                      user={user}
                      groups={groups}
                      isSelf={user.id === me.id}
                      isLastAdmin={user.role === 'admin' && admins.length === 1}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card aria-labelledby="groups-heading" className="min-w-0">
          <CardHeader
            title={<span id="groups-heading">Groups</span>}
            description="Who may read restricted documents."
          />
          <GroupManager groups={groups} />
        </Card>
      </div>
    </>
  )
}
