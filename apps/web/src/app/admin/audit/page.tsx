import { listAuditActions, listAuditLog, listUsersForAdmin } from '@policydesk/db'
import { AuditFilters } from '@/components/admin/audit/audit-filters'
import { AuditTable } from '@/components/admin/audit/audit-table'
import { Pagination } from '@/components/admin/pagination'
import { Alert, EmptyState, PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import {
  type AuditSearchParams,
  auditDateRange,
  auditSearchParamsSchema,
  firstValues,
  hrefWith,
  pageWindow,
  parseSearchParams,
} from '@/lib/shared/admin/search-params'

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
  const t = await getTranslator()
  const { params, problem } = parseSearchParams(auditSearchParamsSchema, firstValues(await searchParams))
  const db = getDb()
  let result = await load(params, params.page)
  const window = pageWindow(result.total, params.page, params.pageSize)
  if (window.page !== params.page) result = await load(params, window.page)
  const [actions, users] = await Promise.all([listAuditActions(db), listUsersForAdmin(db)])
  const filtered = Boolean(params.action || params.actor || params.from || params.to)
  return (
    <>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      {problem ? (
        <div className="mb-4">
          <Alert>{t('admin.invalidFilters', { problem })}</Alert>
        </div>
      ) : null}
      <AuditFilters
        params={params}
        actions={actions}
        actors={users.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }))}
      />
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? t('admin.audit.noMatchTitle') : t('admin.audit.emptyTitle')}>
          {filtered ? t('admin.audit.noMatchText') : t('admin.audit.emptyText')}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={result.rows} />
          <Pagination
            window={window}
            total={result.total}
            noun={t('admin.audit.noun')}
            hrefForPage={(page) =>
              hrefWith('/admin/audit', { ...params, page }, {}, { page: 1, pageSize: 25 })
            }
          />
        </>
      )}
    </>
  )
}
