import {
  documentOwnerGroupId,
  getAdminDocument,
  listGroups,
  listVersionChunks,
  listVersionHistory,
} from '@policydesk/db'
import { readIngestEnv } from '@policydesk/ingest'
import { ChevronLeft } from 'lucide-react'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { AccessForm } from '@/components/admin/document/access-form'
import { ApplicabilityForm } from '@/components/admin/document/applicability-form'
import { ChunkViewer } from '@/components/admin/document/chunk-viewer'
import { DangerZone } from '@/components/admin/document/danger-zone'
import { OwnerForm } from '@/components/admin/document/owner-form'
import { VersionHistory } from '@/components/admin/document/version-history'
import { Pagination } from '@/components/admin/pagination'
import { UploadPanel } from '@/components/admin/upload/upload-panel'
import { Alert, Card, CardHeader, EmptyState } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { firstValues, hrefWith, pageWindow, parseSearchParams } from '@/lib/shared/admin/search-params'
import { formatDateTime } from '@/lib/shared/format'

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
  const t = await getTranslator()
  const { id } = await params
  if (!z.uuid().safeParse(id).success) notFound()
  const db = getDb()
  const document = await getAdminDocument(db, id)
  if (!document) notFound()
  const [versions, groups, ownerGroupId] = await Promise.all([
    listVersionHistory(db, id),
    listGroups(db),
    documentOwnerGroupId(db, id),
  ])
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
    : { rows: [], total: 0, flagged: 0 }
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
        {t('admin.document.allDocuments')}
      </Link>
      <div className="mb-5">
        <h1 className="text-2xl font-semibold text-slate-900">{document.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t('admin.document.meta', {
            source: document.sourceName,
            date: formatDateTime(document.createdAt),
          })}
          {document.tags.length > 0 ? t('admin.document.tags', { tags: document.tags.join(', ') }) : ''}
        </p>
      </div>
      {document.deletedAt ? (
        <div className="mb-4">
          <Alert tone="info">
            {t('admin.document.deletedOn', {
              purged: String(document.purged),
              date: formatDateTime(document.deletedAt),
            })}
          </Alert>
        </div>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="versions-heading">
            <CardHeader
              title={<span id="versions-heading">{t('admin.document.versions')}</span>}
              description={t('admin.document.versionsDescription')}
            />
            {versions.length === 0 ? (
              <p className="p-4 text-sm text-slate-600">{t('admin.document.noVersions')}</p>
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
              title={
                <span id="chunks-heading">
                  {shown
                    ? t('admin.document.chunksOfVersion', { n: String(shown.versionNo) })
                    : t('admin.document.chunks')}
                </span>
              }
              description={t('admin.document.chunksDescription')}
            />
            {chunks.flagged > 0 ? (
              <div className="px-4 pt-3" data-testid="untrusted-summary">
                <Alert tone="info">
                  {t('admin.document.untrusted', { count: chunks.flagged, n: String(chunks.flagged) })}
                </Alert>
              </div>
            ) : null}
            {chunks.rows.length === 0 ? (
              <div className="p-4">
                <EmptyState title={t('admin.document.noChunks')}>
                  {shown?.status === 'ready' || document.purged
                    ? t('admin.document.purgedChunks')
                    : t('admin.document.chunksLater')}
                </EmptyState>
              </div>
            ) : (
              <>
                <ChunkViewer chunks={chunks.rows} />
                <div className="border-t border-slate-100 px-4">
                  <Pagination
                    window={window}
                    total={chunks.total}
                    noun={t('admin.document.chunkNoun')}
                    hrefForPage={(page) => chunkHref({ chunkPage: page })}
                  />
                </div>
              </>
            )}
          </Card>
        </div>

        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="access-heading">
            <CardHeader title={<span id="access-heading">{t('admin.document.access')}</span>} />
            <AccessForm documentId={id} groups={groups.map((g) => g.name)} selected={document.groups} />
          </Card>
          <Card aria-labelledby="applicability-heading">
            <CardHeader
              title={<span id="applicability-heading">{t('admin.document.appliesTo')}</span>}
              description={t('admin.document.appliesToDescription')}
            />
            <ApplicabilityForm
              documentId={id}
              applicability={document.applicability}
              suggested={document.suggestedApplicability}
            />
          </Card>
          <Card aria-labelledby="owner-heading">
            <CardHeader
              title={<span id="owner-heading">{t('admin.document.owner')}</span>}
              description={t('admin.document.ownerDescription')}
            />
            <OwnerForm
              documentId={id}
              groups={groups.map((g) => ({ id: g.id, name: g.name }))}
              ownerGroupId={ownerGroupId}
            />
          </Card>
          {!document.purged ? (
            <Card aria-labelledby="replace-heading">
              <CardHeader
                title={<span id="replace-heading">{t('admin.document.replace')}</span>}
                description={t('admin.document.replaceDescription')}
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
            <CardHeader title={<span id="danger-heading">{t('admin.document.danger')}</span>} />
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
