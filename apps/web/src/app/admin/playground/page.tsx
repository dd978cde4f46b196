import { listGroups, listUsersForAdmin } from '@policydesk/db'
import { PlaygroundForm } from '@/components/admin/playground/playground-form'
import { PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

export default async function PlaygroundPage() {
  await requirePageRole(ROLES.admins)
  const db = getDb()
  const [users, groups] = await Promise.all([listUsersForAdmin(db), listGroups(db)])
  const userOptions = users.map((u) => ({ value: `user:${u.id}`, label: `${u.name} (${u.role})` }))
  const firstEmployee = users.find((u) => u.role === 'employee') ?? users[0]
  return (
    <>
      <PageHeader
        title="Retrieval playground"
        description="Ask a question as any user or group and see what retrieval found, what the answer was built from, and what access rules hid."
      />
      <PlaygroundForm
        users={userOptions}
        groups={groups.map((g) => ({ value: `group:${g.id}`, label: `Group: ${g.name}` }))}
        defaultReader={firstEmployee ? `user:${firstEmployee.id}` : ''}
      />
    </>
  )
}
