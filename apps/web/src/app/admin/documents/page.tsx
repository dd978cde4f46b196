import { listDocumentTags, listGroups, searchDocuments } from '@policydesk/db'
import { Upload } from 'lucide-react'
import Link from 'next/link'
import { DocumentFilters } from '@/components/admin/documents/document-filters'
import { DocumentsTable } from '@/components/admin/documents/documents-table'
import { Pagination } from '@/components/admin/pagination'
import { buttonVariants } from '@/components/ui/button'
import { Alert, EmptyState, PageHeader } from '@/components/ui/form-controls'
import {
  type DocumentSearchParams,
  documentSearchParamsSchema,
  firstValues,
  hrefWith,
  pageWindow,
  parseSearchParams,
} from '@/lib/admin/search-params'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

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
        title="Documents"
        description="Everything employees’ answers are drawn from, with the status of each document’s latest version."
        actions={
          <Link href="/admin/documents/upload" className={buttonVariants()}>
            <Upload aria-hidden />
            Upload documents
          </Link>
        }
      />
      {problem ? (
        <div className="mb-4">
          <Alert>Some filters were invalid and were ignored ({problem}).</Alert>
        </div>
      ) : null}
      <DocumentFilters params={params} groups={groups.map((g) => g.name)} tags={tags} />
      {result.rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No documents match these filters">
            <Link href="/admin/documents" className="text-indigo-700 underline">
              Clear the filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No documents yet">
            <Link href="/admin/documents/upload" className="text-indigo-700 underline">
              Upload the first policies
            </Link>{' '}
            or run <code>npx policydesk ingest samples/policies</code>.
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
            noun="documents"
            hrefForPage={(page) => href({ page })}
          />
        </>
      )}
    </>
  )
}
