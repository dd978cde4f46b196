import { listGroupsWithCounts, listUsersForAdmin } from '@policydesk/db'
import { AttributesImport } from '@/components/admin/users/attributes-import'
import { GroupManager } from '@/components/admin/users/group-manager'
import { UserRow } from '@/components/admin/users/user-row'
import { Card, CardHeader, EmptyState, PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'

export const dynamic = 'force-dynamic'

export default async function UsersPage() {
  const me = await requirePageRole(ROLES.admins)
  const t = await getTranslator()
  const db = getDb()
  const [users, groups] = await Promise.all([listUsersForAdmin(db), listGroupsWithCounts(db)])
  const admins = users.filter((u) => u.role === 'admin')
  return (
    <>
      <PageHeader title={t('admin.users.title')} description={t('admin.users.description')} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card aria-labelledby="users-heading" className="min-w-0">
          <CardHeader
            title={<span id="users-heading">{t('admin.users.users')}</span>}
            description={t('admin.users.usersDescription')}
          />
          {users.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t('admin.users.emptyTitle')}>{t('admin.users.emptyText')}</EmptyState>
            </div>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t('admin.users.caption')}</caption>
                <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t('admin.users.columns.user')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('admin.users.columns.role')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('admin.users.columns.profile')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('admin.users.columns.groups')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">{t('admin.users.columns.addToGroup')}</span>
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
            title={<span id="groups-heading">{t('admin.users.groups')}</span>}
            description={t('admin.users.groupsDescription')}
          />
          <GroupManager groups={groups} />
        </Card>
        <Card aria-labelledby="profiles-import-heading" className="min-w-0 lg:col-start-2">
          <CardHeader
            title={<span id="profiles-import-heading">{t('admin.users.importTitle')}</span>}
            description={t('admin.users.importDescription')}
          />
          <AttributesImport />
        </Card>
      </div>
    </>
  )
}
