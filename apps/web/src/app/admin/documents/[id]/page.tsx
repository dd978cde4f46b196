import { getAdminDocument, listGroups, listVersionChunks, listVersionHistory } from '@policydesk/db'
import { readIngestEnv } from '@policydesk/ingest'
import { ChevronLeft } from 'lucide-react'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { AccessForm } from '@/components/admin/document/access-form'
import { ChunkViewer } from '@/components/admin/document/chunk-viewer'
import { DangerZone } from '@/components/admin/document/danger-zone'
import { VersionHistory } from '@/components/admin/document/version-history'
import { Pagination } from '@/components/admin/pagination'
import { UploadPanel } from '@/components/admin/upload/upload-panel'
import { Alert, Card, CardHeader, EmptyState } from '@/components/ui/form-controls'
import { formatDateTime } from '@/lib/admin/format'
import { firstValues, hrefWith, pageWindow, parseSearchParams } from '@/lib/admin/search-params'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

const CHUNK_PAGE_SIZE = 20
const querySchema = z.object({
  version: z.uuid().optional(),
  chunkPage: z.coerce.number().int().min(1).default(1),
})

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requirePageRole(ROLES.admins)
  const { id } = await params
  if (!z.uuid().safeParse(id).success) notFound()
  const db = getDb()
  const document = await getAdminDocument(db, id)
  if (!document) notFound()
  const [versions, groups] = await Promise.all([listVersionHistory(db, id), listGroups(db)])
  const { params: query } = parseSearchParams(querySchema, firstValues(await searchParams))

  // The chunk viewer shows the requested version, else the one answers use, else the newest.
  const shown =
    versions.find((v) => v.id === query.version) ??
    versions.find((v) => v.id === document.currentVersionId) ??
    versions[0]
  const firstPage = shown
    ? await listVersionChunks(db, {
        versionId: shown.id,
        limit: CHUNK_PAGE_SIZE,
        offset: (query.chunkPage - 1) * CHUNK_PAGE_SIZE,
      })
    : { rows: [], total: 0 }
  const window = pageWindow(firstPage.total, query.chunkPage, CHUNK_PAGE_SIZE)
  const chunks =
    shown && window.page !== query.chunkPage
      ? await listVersionChunks(db, { versionId: shown.id, limit: CHUNK_PAGE_SIZE, offset: window.offset })
      : firstPage
  const base = `/admin/documents/${id}`
  const chunkHref = (changes: Record<string, string | number | undefined>) =>
    `${hrefWith(base, { version: query.version, chunkPage: window.page }, changes, { chunkPage: 1 })}#chunks`

  return (
    <>
      <Link
        href="/admin/documents"
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ChevronLeft className="size-4" aria-hidden />
        All documents
      </Link>
      <div className="mb-5">
        <h1 className="text-2xl font-semibold text-slate-900">{document.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {document.sourceName} · added {formatDateTime(document.createdAt)}
          {document.tags.length > 0 ? ` · tags: ${document.tags.join(', ')}` : ''}
        </p>
      </div>
      {document.deletedAt ? (
        <div className="mb-4">
          <Alert tone="info">
            {document.purged ? 'Purged' : 'Deleted'} on {formatDateTime(document.deletedAt)}: answers no
            longer use this document.
          </Alert>
        </div>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="versions-heading">
            <CardHeader
              title={<span id="versions-heading">Versions</span>}
              description="Who uploaded what, and how processing went."
            />
            {versions.length === 0 ? (
              <p className="p-4 text-sm text-slate-600">No versions.</p>
            ) : (
              <VersionHistory
                documentId={id}
                versions={versions}
                currentVersionId={document.currentVersionId}
                chunksHref={(versionId) => chunkHref({ version: versionId, chunkPage: 1 })}
              />
            )}
          </Card>

          <Card id="chunks" aria-labelledby="chunks-heading">
            <CardHeader
              title={<span id="chunks-heading">Chunks{shown ? ` of version ${shown.versionNo}` : ''}</span>}
              description="In order, with heading path, page and token count — exactly what retrieval can quote."
            />
            {chunks.rows.length === 0 ? (
              <div className="p-4">
                <EmptyState title="No chunks">
                  {shown?.status === 'ready' || document.purged
                    ? 'This version has no stored chunks (purged).'
                    : 'Chunks appear when the version is ready.'}
                </EmptyState>
              </div>
            ) : (
              <>
                <ChunkViewer chunks={chunks.rows} />
                <div className="border-t border-slate-100 px-4">
                  <Pagination
                    window={window}
                    total={chunks.total}
                    noun="chunks"
                    hrefForPage={(page) => chunkHref({ chunkPage: page })}
                  />
                </div>
              </>
            )}
          </Card>
        </div>

        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="access-heading">
            <CardHeader title={<span id="access-heading">Access</span>} />
            <AccessForm documentId={id} groups={groups.map((g) => g.name)} selected={document.groups} />
          </Card>
          {!document.purged ? (
            <Card aria-labelledby="replace-heading">
              <CardHeader
                title={<span id="replace-heading">Replace with a new version</span>}
                description="Answers keep using the current version until the new one is ready."
              />
              <div className="p-4">
                <UploadPanel
                  maxBytes={readIngestEnv().INGEST_MAX_MB * 1024 * 1024}
                  groups={groups.map((g) => g.name)}
                  replace={{ documentId: id, title: document.title }}
                />
              </div>
            </Card>
          ) : null}
          <Card aria-labelledby="danger-heading" className="border-red-200">
            <CardHeader title={<span id="danger-heading">Delete or purge</span>} />
            <DangerZone
              documentId={id}
              title={document.title}
              deleted={document.deletedAt !== null}
              purged={document.purged}
            />
          </Card>
        </div>
      </div>
    </>
  )
}
