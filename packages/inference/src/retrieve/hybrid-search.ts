import { type DbOrTx, sql } from '@policydesk/db'
import { reciprocalRankFusion } from './fusion'
import { toOrTsQuery } from './tsquery'
import type { Candidate, RetrievalRequest } from './types'

type Row = {
  chunk_id: string
  document_id: string
  slug: string
  version_id: string
  title: string
  heading_path: string[]
  text: string
  page_start: number | null
  page_end: number | null
  token_count: number
  char_start: number
  vector_score: number | null
  vector_rank: string | number | null
  text_score: number | null
  text_rank: string | number | null
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`
const toNumber = (value: string | number | null) => (value === null ? null : Number(value))

/**
 * Vector kNN and full-text search in ONE SQL statement, both restricted inside the query to current versions
 * of non-deleted documents shared with one of `groupIds` (the ACL is never a post-filter in code), then
 * fused with reciprocal rank fusion. The vector side orders by `embedding::vector(N) <=> q` with the model
 * as a literal, matching the model's partial HNSW index.
 */
export async function hybridSearch(
  db: DbOrTx,
  request: RetrievalRequest & { vector: number[]; model: string; dimensions: number },
): Promise<Candidate[]> {
  if (request.groupIds.length === 0) return []
  const dims = Math.trunc(request.dimensions)
  const vectorType = sql.raw(`vector(${dims})`)
  const modelLiteral = sql.raw(literal(request.model))
  const vector = `[${request.vector.join(',')}]`
  const tsquery = toOrTsQuery(request.query)
  const filters = request.filters ?? {}
  // sql.param binds a JS array as ONE Postgres array parameter (a bare array would expand to a list).
  const ids = sql.param(filters.documentIds?.length ? filters.documentIds : null)
  const slugs = sql.param(filters.documentSlugs?.length ? filters.documentSlugs : null)
  const tags = sql.param(filters.tags?.length ? filters.tags : null)
  const groupIds = sql.param(request.groupIds)

  // `not materialized` lets the planner push the ACL into each use instead of rescanning a materialised
  // CTE per candidate (docs/benchmarks.md: vector side 170–255 ms → 6 ms at 100k). Iterative HNSW scans,
  // which keep recall under restrictive ACLs, are switched on per connection in createDb.
  const result = await db.execute(sql`
    with visible as not materialized (
      select d.id as document_id, d.slug, d.title, d.current_version_id as version_id
      from documents d
      where d.deleted_at is null and d.current_version_id is not null
        and exists (select 1 from document_groups dg where dg.document_id = d.id and dg.group_id = any(${groupIds}::uuid[]))
        and (${ids}::uuid[] is null or d.id = any(${ids}::uuid[]))
        and (${slugs}::text[] is null or d.slug = any(${slugs}::text[]))
        and (${tags}::text[] is null or d.tags && ${tags}::text[])
    ),
    vec as (
      select e.chunk_id, 1 - (e.embedding::${vectorType} <=> ${vector}::${vectorType}) as score
      from chunk_embeddings e
      join chunks c on c.id = e.chunk_id
      join visible v on v.version_id = c.version_id
      where e.model = ${modelLiteral}
      order by e.embedding::${vectorType} <=> ${vector}::${vectorType}
      limit ${request.candidates}
    ),
    txt as (
      select c.id as chunk_id, ts_rank_cd(c.tsv, q.query) as score
      from chunks c
      join visible v on v.version_id = c.version_id
      cross join (select to_tsquery('english', coalesce(${tsquery}::text, '')) as query) q
      where c.tsv @@ q.query
      order by score desc, c.id
      limit ${request.candidates}
    ),
    vec_ranked as (select chunk_id, score, row_number() over (order by score desc, chunk_id) as rank from vec),
    txt_ranked as (select chunk_id, score, row_number() over (order by score desc, chunk_id) as rank from txt)
    select c.id as chunk_id, v.document_id, v.slug, v.version_id, v.title, c.heading_path, c.text,
      c.page_start, c.page_end, c.token_count, c.char_start,
      vr.score as vector_score, vr.rank as vector_rank, tr.score as text_score, tr.rank as text_rank
    from (select chunk_id from vec union select chunk_id from txt) found
    join chunks c on c.id = found.chunk_id
    join visible v on v.version_id = c.version_id
    left join vec_ranked vr on vr.chunk_id = c.id
    left join txt_ranked tr on tr.chunk_id = c.id
  `)
  const rows = result.rows as Row[]
  const fused = reciprocalRankFusion(
    rows.map((row) => ({
      ...row,
      id: row.chunk_id,
      vectorRank: toNumber(row.vector_rank),
      textRank: toNumber(row.text_rank),
    })),
    request.weights,
  )
  return fused.map((row, index) => ({
    chunkId: row.chunk_id,
    documentId: row.document_id,
    documentSlug: row.slug,
    versionId: row.version_id,
    title: row.title,
    headingPath: row.heading_path,
    text: row.text,
    pageStart: row.page_start,
    pageEnd: row.page_end,
    tokenCount: row.token_count,
    charStart: row.char_start,
    vectorScore: row.vector_score === null ? null : Number(row.vector_score),
    vectorRank: row.vectorRank,
    textScore: row.text_score === null ? null : Number(row.text_score),
    textRank: row.textRank,
    fusedScore: row.fusedScore,
    rank: index + 1,
  }))
}
