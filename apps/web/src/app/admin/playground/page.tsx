import { listGroups, listUsersForAdmin } from '@policydesk/db'
import { PlaygroundForm } from '@/components/admin/playground/playground-form'
import { PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'

export const dynamic = 'force-dynamic'

export default async function PlaygroundPage() {
  await requirePageRole(ROLES.admins)
  const db = getDb()
  const t = await getTranslator()
  const [users, groups] = await Promise.all([listUsersForAdmin(db), listGroups(db)])
  const userOptions = users.map((u) => ({ value: `user:${u.id}`, label: `${u.name} (${u.role})` }))
  const firstEmployee = users.find((u) => u.role === 'employee') ?? users[0]
  return (
    <>
      <PageHeader title={t('admin.playground.title')} description={t('admin.playground.description')} />
      <PlaygroundForm
        users={userOptions}
        groups={groups.map((g) => ({
          value: `group:${g.id}`,
          label: t('admin.playground.groupOption', { name: g.name }),
        }))}
        defaultReader={firstEmployee ? `user:${firstEmployee.id}` : ''}
      />
    </>
  )
}
