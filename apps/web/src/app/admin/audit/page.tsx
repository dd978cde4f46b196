import { listAuditActions, listAuditLog, listUsersForAdmin } from '@policydesk/db'
import { AuditFilters } from '@/components/admin/audit/audit-filters'
import { AuditTable } from '@/components/admin/audit/audit-table'
import { Pagination } from '@/components/admin/pagination'
import { Alert, EmptyState, PageHeader } from '@/components/ui/form-controls'
import {
  type AuditSearchParams,
  auditDateRange,
  auditSearchParamsSchema,
  firstValues,
  hrefWith,
  pageWindow,
  parseSearchParams,
} from '@/lib/admin/search-params'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

async function load(params: AuditSearchParams, page: number) {
  return listAuditLog(getDb(), {
    action: params.action,
    actorId: params.actor,
    ...auditDateRange(params),
    limit: params.pageSize,
    offset: (page - 1) * params.pageSize,
  })
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requirePageRole(ROLES.admins)
  const { params, problem } = parseSearchParams(auditSearchParamsSchema, firstValues(await searchParams))
  const db = getDb()
  let result = await load(params, params.page)
  const window = pageWindow(result.total, params.page, params.pageSize)
  if (window.page !== params.page) result = await load(params, window.page)
  const [actions, users] = await Promise.all([listAuditActions(db), listUsersForAdmin(db)])
  const filtered = Boolean(params.action || params.actor || params.from || params.to)
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in the admin console and by analysts: who did what, to what, and when."
      />
      {problem ? (
        <div className="mb-4">
          <Alert>Some filters were invalid and were ignored ({problem}).</Alert>
        </div>
      ) : null}
      <AuditFilters
        params={params}
        actions={actions}
        actors={users.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }))}
      />
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}>
          {filtered
            ? 'Try a wider date range or another action.'
            : 'Admin actions will appear here as they happen.'}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={result.rows} />
          <Pagination
            window={window}
            total={result.total}
            noun="entries"
            hrefForPage={(page) =>
              hrefWith('/admin/audit', { ...params, page }, {}, { page: 1, pageSize: 25 })
            }
          />
        </>
      )}
    </>
  )
}
