import { listDocumentTags, listGroups, searchDocuments } from '@policydesk/db'
import { Upload } from 'lucide-react'
import Link from 'next/link'
import { DocumentFilters } from '@/components/admin/documents/document-filters'
import { DocumentsTable } from '@/components/admin/documents/documents-table'
import { Pagination } from '@/components/admin/pagination'
import { buttonVariants } from '@/components/ui/button'
import { Alert, EmptyState, PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import {
  type DocumentSearchParams,
  documentSearchParamsSchema,
  firstValues,
  hrefWith,
  pageWindow,
  parseSearchParams,
} from '@/lib/shared/admin/search-params'

export const dynamic = 'force-dynamic'

const DEFAULTS = { state: 'active', sort: 'title', dir: 'asc', page: 1, pageSize: 25 }

async function search(params: DocumentSearchParams, page: number) {
  return searchDocuments(getDb(), {
    query: params.q,
    status: params.status,
    group: params.group,
    tag: params.tag,
    state: params.state,
    sort: params.sort,
    direction: params.dir,
    limit: params.pageSize,
    offset: (page - 1) * params.pageSize,
  })
}

export default async function DocumentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requirePageRole(ROLES.admins)
  const t = await getTranslator()
  const { params, problem } = parseSearchParams(documentSearchParamsSchema, firstValues(await searchParams))
  const db = getDb()
  let result = await search(params, params.page)
  const window = pageWindow(result.total, params.page, params.pageSize)
  if (window.page !== params.page) result = await search(params, window.page)
  const [groups, tags] = await Promise.all([listGroups(db), listDocumentTags(db)])
  const current = { ...params, page: window.page }
  const href = (changes: Record<string, string | number | undefined>) =>
    hrefWith('/admin/documents', current, changes, DEFAULTS)
  const filtered = Boolean(
    params.q || params.status || params.group || params.tag || params.state !== 'active',
  )

  return (
    <>
      <PageHeader
        title={t('admin.documents.title')}
        description={t('admin.documents.description')}
        actions={
          <Link href="/admin/documents/upload" className={buttonVariants()}>
            <Upload aria-hidden />
            {t('admin.documents.upload')}
          </Link>
        }
      />
      {problem ? (
        <div className="mb-4">
          <Alert>{t('admin.invalidFilters', { problem })}</Alert>
        </div>
      ) : null}
      <DocumentFilters params={params} groups={groups.map((g) => g.name)} tags={tags} />
      {result.rows.length === 0 ? (
        filtered ? (
          <EmptyState title={t('admin.documents.noMatchTitle')}>
            <Link href="/admin/documents" className="text-indigo-700 underline">
              {t('admin.documents.clearFilters')}
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title={t('admin.documents.emptyTitle')}>
            {t.rich('admin.documents.emptyText', {
              upload: (chunks) => (
                <Link href="/admin/documents/upload" className="text-indigo-700 underline">
                  {chunks}
                </Link>
              ),
              code: (chunks) => <code>{chunks}</code>,
            })}
          </EmptyState>
        )
      ) : (
        <>
          <DocumentsTable
            rows={result.rows}
            params={current}
            hrefForSort={(sort, dir) => href({ sort, dir, page: 1 })}
          />
          <Pagination
            window={window}
            total={result.total}
            noun={t('admin.documents.noun')}
            hrefForPage={(page) => href({ page })}
          />
        </>
      )}
    </>
  )
}
