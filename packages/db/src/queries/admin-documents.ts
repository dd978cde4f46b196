import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm'
import { QueryBuilder } from 'drizzle-orm/pg-core'
import { groupNamesOf, sharedWithGroupNamed } from '../access'
import type { DbOrTx } from '../client'
import {
  type Applicability,
  documents,
  documentVersions,
  type IngestStage,
  type VersionStatus,
} from '../schema'

export const documentSortKeys = ['title', 'status', 'uploaded', 'chunks'] as const
export type DocumentSortKey = (typeof documentSortKeys)[number]
export const documentStates = ['active', 'deleted', 'all'] as const
export type DocumentState = (typeof documentStates)[number]

export type DocumentSearch = {
  /** Case-insensitive substring of the title or the file name. */
  query?: string
  /** The latest version's status. */
  status?: VersionStatus
  /** Group name the document is shared with. */
  group?: string
  tag?: string
  state?: DocumentState
  sort?: DocumentSortKey
  direction?: 'asc' | 'desc'
  limit: number
  offset: number
}

export type AdminDocumentRow = {
  id: string
  title: string
  sourceName: string
  tags: string[]
  groups: string[]
  deletedAt: Date | null
  currentVersionNo: number | null
  latestVersionId: string | null
  latestVersionNo: number | null
  status: VersionStatus | null
  stage: IngestStage | null
  progress: number | null
  error: string | null
  chunkCount: number | null
  sizeBytes: number | null
  uploadedAt: Date | null
}

/*
 * Correlated subqueries name the outer table literally (`documents.id`): in a single-table select drizzle
 * renders `${documents.id}` as a bare "id", which inside the subquery binds to the subquery's own table.
 */
const documentsId = sql.raw('"documents"."id"')

/** The newest version of every document (what admins watch: a replacement in progress shows here). */
export function latestVersions() {
  return new QueryBuilder({ casing: 'snake_case' })
    .selectDistinctOn([documentVersions.documentId], {
      documentId: documentVersions.documentId,
      id: documentVersions.id,
      versionNo: documentVersions.versionNo,
      status: documentVersions.status,
      stage: documentVersions.stage,
      progress: documentVersions.progress,
      error: documentVersions.error,
      chunkCount: documentVersions.chunkCount,
      sizeBytes: documentVersions.sizeBytes,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .orderBy(documentVersions.documentId, desc(documentVersions.versionNo))
    .as('latest')
}
export type LatestVersions = ReturnType<typeof latestVersions>

/** `%` and `_` typed by the admin are literal characters, not wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** The WHERE clause of the documents table; pure, so it is unit-tested without a database. */
export function documentSearchConditions(
  search: Omit<DocumentSearch, 'limit' | 'offset'>,
  latest: LatestVersions,
) {
  const conditions: SQL[] = []
  const state = search.state ?? 'active'
  if (state === 'active') conditions.push(isNull(documents.deletedAt))
  if (state === 'deleted') conditions.push(isNotNull(documents.deletedAt))
  const query = search.query?.trim()
  if (query) {
    const pattern = likePattern(query)
    const match = or(ilike(documents.title, pattern), ilike(documents.sourceName, pattern))
    if (match) conditions.push(match)
  }
  if (search.status) conditions.push(eq(latest.status, search.status))
  if (search.tag) conditions.push(sql`${documents.tags} @> array[${search.tag}]::text[]`)
  if (search.group) {
    conditions.push(sharedWithGroupNamed(documentsId, search.group))
  }
  return conditions.length > 0 ? and(...conditions) : undefined
}

export function documentSortOrder(
  sort: DocumentSortKey,
  direction: 'asc' | 'desc',
  latest: LatestVersions,
): SQL[] {
  const by = direction === 'asc' ? asc : desc
  const column = {
    title: sql`lower(${documents.title})`,
    status: sql`${latest.status}::text`,
    uploaded: latest.createdAt,
    chunks: latest.chunkCount,
  }[sort]
  // A stable tie-breaker keeps pages from overlapping when many rows share a value.
  return [sql`${by(column)} nulls last`, asc(documents.id)]
}

/** Search, filter, sort and paginate in SQL; `total` counts every match for the pager. */
export async function searchDocuments(
  db: DbOrTx,
  search: DocumentSearch,
): Promise<{ rows: AdminDocumentRow[]; total: number }> {
  const latest = latestVersions()
  const where = documentSearchConditions(search, latest)
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .leftJoin(latest, eq(latest.documentId, documents.id))
    .where(where)
  const rows = await db
    .select({
      id: documents.id,
      title: documents.title,
      sourceName: documents.sourceName,
      tags: documents.tags,
      groups: groupNamesOf(documentsId),
      deletedAt: documents.deletedAt,
      currentVersionNo: sql<
        number | null
      >`(select v.version_no from document_versions v where v.id = documents.current_version_id)`,
      latestVersionId: latest.id,
      latestVersionNo: latest.versionNo,
      status: latest.status,
      stage: latest.stage,
      progress: latest.progress,
      error: latest.error,
      chunkCount: latest.chunkCount,
      sizeBytes: latest.sizeBytes,
      uploadedAt: latest.createdAt,
    })
    .from(documents)
    .leftJoin(latest, eq(latest.documentId, documents.id))
    .where(where)
    .orderBy(...documentSortOrder(search.sort ?? 'title', search.direction ?? 'asc', latest))
    .limit(search.limit)
    .offset(search.offset)
  return { rows, total: count?.n ?? 0 }
}

/** Every tag in use (for the filter). */
export async function listDocumentTags(db: DbOrTx): Promise<string[]> {
  const result = await db.execute<{ tag: string }>(
    sql`select distinct unnest(tags) as tag from documents where deleted_at is null order by 1`,
  )
  return result.rows.map((r) => r.tag)
}

export type AdminDocumentDetail = {
  id: string
  slug: string
  title: string
  sourceName: string
  tags: string[]
  groups: string[]
  deletedAt: Date | null
  createdAt: Date
  currentVersionId: string | null
  purged: boolean
  /** Whom it applies to ({} = everyone) and what the text suggested (null = nothing pending). */
  applicability: Applicability
  suggestedApplicability: Applicability | null
}

export async function getAdminDocument(db: DbOrTx, documentId: string): Promise<AdminDocumentDetail | null> {
  const [row] = await db
    .select({
      id: documents.id,
      slug: documents.slug,
      title: documents.title,
      sourceName: documents.sourceName,
      tags: documents.tags,
      groups: groupNamesOf(documentsId),
      deletedAt: documents.deletedAt,
      createdAt: documents.createdAt,
      currentVersionId: documents.currentVersionId,
      applicability: documents.applicability,
      suggestedApplicability: documents.suggestedApplicability,
      // Purged = deleted and no version keeps its bytes.
      purged: sql<boolean>`${documents.deletedAt} is not null and not exists (select 1 from document_versions v where v.document_id = documents.id and v.content is not null)`,
    })
    .from(documents)
    .where(eq(documents.id, documentId))
  return row ?? null
}

/** A slug no document uses yet: `base`, else `base-2`, `base-3`… (uploads never fold into another document). */
export async function uniqueDocumentSlug(db: DbOrTx, base: string): Promise<string> {
  const rows = await db
    .select({ slug: documents.slug })
    .from(documents)
    .where(or(eq(documents.slug, base), sql`${documents.slug} ~ ${`^${escapeRegex(base)}-[0-9]+$`}`))
  const taken = new Set(rows.map((r) => r.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
