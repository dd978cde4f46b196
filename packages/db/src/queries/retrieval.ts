import { type SQL, sql } from 'drizzle-orm'
import { readableCurrentVersions } from '../access'
import type { DbOrTx } from '../client'
import type { Applicability, UserAttributes } from '../schema'
import { profileCondition, profileMatch, restrictsAny } from './applicability-sql'

/** Narrowing of the searchable set on top of the ACL (document ids, slugs, tags). */
export type SearchFilters = {
  documentIds?: string[]
  documentSlugs?: string[]
  tags?: string[]
}

export type ChunkSearchRequest = {
  /** The reader's groups: the ACL, applied inside the SQL to both sides and to the BM25 statistics. */
  groupIds: string[]
  filters?: SearchFilters
  /** Query terms from `contentTerms` (@policydesk/text), the same tokenizer that indexed the chunks. */
  terms: string[]
  vector: number[]
  model: string
  dimensions: number
  /** How many candidates each side contributes before fusion. */
  candidates: number
  bm25: { k1: number; b: number }
  /**
   * The asker's profile. A passage whose applicability (its section's, else its document's) restricts a
   * dimension the asker has a value for, to other values, is not searched at all; absent attributes
   * exclude nothing (we cannot know). Absent/empty = no profile filter.
   */
  attributes?: UserAttributes
}

/** A passage next to a found one (the list a "…as follows:" unit introduces). */
export type NeighbourRow = {
  chunk_id: string
  heading_path: string[]
  text: string
  page_start: number | null
  page_end: number | null
  token_count: number
  char_start: number
  ordinal: number
}

export type ChunkSearchRow = {
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
  ordinal: number
  vector_score: number | null
  vector_rank: number | null
  text_score: number | null
  text_rank: number | null
  /** The unit's indexed terms (text, title, headings, table header): what BM25 matched against. */
  terms: string[]
  /** The following unit, when this one ends by introducing it (a colon). */
  next: NeighbourRow | null
  /** The preceding unit, when it introduces this one (it ends with a colon and this one is a list). */
  previous: NeighbourRow | null
  /** The unit's effective applicability (its section's, else its document's) when it restricts; else null. */
  applies_to: Applicability | null
  /** The passage is restricted on a dimension and the asker's profile matches it (retrieval boosts it). */
  profile_match: boolean
}

/** BM25 statistics of the query's terms over every unit the reader may read (absent terms: df 0). */
export type TermStats = { units: number; df: Record<string, number> }

export type ChunkSearchResult = { rows: ChunkSearchRow[]; stats: TermStats }

/** Longer questions are cut to their first terms: the statement's size and cost stay bounded. */
export const MAX_QUERY_TERMS = 24

function bm25Expression(terms: string[], k1: SQL, b: SQL): SQL {
  if (terms.length === 0) return sql`0::float8`
  const norm = sql`(${k1} * (1 - ${b} + ${b} * c.term_count / (select avgdl from corpus)))`
  // idf · f·(k1+1)/(f + norm), written as idf·(k1+1)·(1 − norm/(f + norm)) so the unit's term frequency f
  // (a search of its term array) is looked up once per term instead of twice: scoring the GIN matches is
  // most of the text side's time (docs/benchmarks.md, 2026-12-02). f = 0 still adds exactly 0.
  const parts = terms.map((term) => {
    const f = sql`coalesce(c.term_freqs[array_position(c.terms, ${term}::text)], 0)::float8`
    return sql`coalesce((select idf from idf where term = ${term}::text), 0) * (${k1} + 1) * (1 - ${norm} / (${f} + ${norm}))`
  })
  return sql`(${sql.join(parts, sql` + `)})`
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`

const neighbourJson = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object(
  'chunk_id', ${alias}.id, 'heading_path', ${alias}.heading_path, 'text', ${alias}.text,
  'page_start', ${alias}.page_start, 'page_end', ${alias}.page_end, 'token_count', ${alias}.token_count,
  'char_start', ${alias}.char_start, 'ordinal', ${alias}.ordinal) end`)

/**
 * Vector kNN and BM25 in ONE SQL statement, both restricted inside the query to current versions of
 * non-deleted documents shared with one of `groupIds` (the ACL is never a post-filter in code). Fusion
 * happens in the caller; each row carries both sides' scores and ranks.
 *
 * BM25 (Robertson/Spärck Jones, Lucene's idf `ln(1 + (N - df + .5) / (df + .5))`): N, the average unit
 * length and every document frequency are summed over the versions THIS reader may see (before any
 * narrowing filter: IDF describes the reader's corpus, not the slice searched), from statistics
 * written with each version. A version switch, delete, purge or access change is therefore reflected by
 * the next query, and a reader's ranking never depends on documents outside their groups.
 *
 * The vector side orders by `embedding::vector(N) <=> q` with the model as a literal, matching the
 * model's partial HNSW index. `not materialized` lets the planner push the ACL into each use
 * (docs/benchmarks.md); iterative HNSW scans keep recall under restrictive ACLs (set per connection).
 *
 * The asker's profile (`attributes`) narrows both sides the same way, inside the statement: a passage
 * written for another country (or office, contract, department) never takes a candidate slot. Statistics
 * stay those of the reader's whole corpus.
 */
export async function searchChunks(db: DbOrTx, request: ChunkSearchRequest): Promise<ChunkSearchResult> {
  if (request.groupIds.length === 0) return { rows: [], stats: { units: 0, df: {} } }
  const result = await db.execute(chunkSearchStatement(request))
  const rows: ChunkSearchRow[] = []
  let stats: TermStats = { units: 0, df: {} }
  for (const row of result.rows as { kind: string; row: unknown }[]) {
    if (row.kind === 'hit') rows.push(row.row as ChunkSearchRow)
    else stats = row.row as TermStats
  }
  return { rows, stats }
}

/** The one statement `searchChunks` runs, for callers that EXPLAIN it (benchmarks). */
export function chunkSearchStatement(request: ChunkSearchRequest): SQL {
  const dims = Math.trunc(request.dimensions)
  const vectorType = sql.raw(`vector(${dims})`)
  const modelLiteral = sql.raw(literal(request.model))
  const vector = `[${request.vector.join(',')}]`
  const filters = request.filters ?? {}
  const terms = sql.param([...new Set(request.terms)].slice(0, MAX_QUERY_TERMS))
  const k1 = sql.raw(String(Number(request.bm25.k1)))
  const b = sql.raw(String(Number(request.bm25.b)))
  const applies = profileCondition(request.attributes)
  const effective = sql`coalesce(c.applicability, v.applicability)`
  // No query vector (the vector side has weight 0): the side is not run at all.
  const vectorSide =
    request.vector.length === dims && dims > 0
      ? sql`select e.chunk_id, 1 - (e.embedding::${vectorType} <=> ${vector}::${vectorType}) as score
      from chunk_embeddings e
      join chunks c on c.id = e.chunk_id
      join visible v on v.version_id = c.version_id
      where e.model = ${modelLiteral} and ${applies}
      order by e.embedding::${vectorType} <=> ${vector}::${vectorType}
      limit ${request.candidates}`
      : sql`select null::uuid as chunk_id, null::float8 as score where false`

  // BM25 of one unit, unrolled over the query's terms: per term a lookup in the unit's sorted term array
  // and the term's IDF (an InitPlan, computed once per statement). A term the unit lacks adds nothing.
  const score = bm25Expression([...new Set(request.terms)].slice(0, MAX_QUERY_TERMS), k1, b)

  // IDF describes the reader's whole corpus; filters (a document, a tag) only narrow what is searched.
  const narrowed = Boolean(
    filters.documentIds?.length || filters.documentSlugs?.length || filters.tags?.length,
  )
  const statisticsScope = narrowed
    ? sql`readable as materialized (${readableCurrentVersions({ groupIds: request.groupIds })})`
    : sql`readable as materialized (select * from searchable)`
  return sql`
    with visible as not materialized (${readableCurrentVersions({
      groupIds: request.groupIds,
      documentIds: filters.documentIds,
      slugs: filters.documentSlugs,
      tags: filters.tags,
    })}),
    -- The BM25 side joins the version list once by hash; the vector side probes \`visible\` per candidate.
    searchable as materialized (select * from visible),
    ${statisticsScope},
    vec as (${vectorSide}),
    corpus as materialized (
      select coalesce(sum(dv.chunk_count), 0)::float8 as n,
        coalesce(sum(dv.term_total)::float8 / nullif(sum(dv.chunk_count), 0), 1) as avgdl
      from readable v join document_versions dv on dv.id = v.version_id
    ),
    df as materialized (
      select s.term, sum(s.df)::float8 as df
      from version_term_stats s
      join readable v on v.version_id = s.version_id
      where s.term = any(${terms}::text[])
      group by s.term
    ),
    idf as materialized (
      select df.term, ln(1 + (corpus.n - df.df + 0.5) / (df.df + 0.5)) as idf from df cross join corpus
    ),
    -- The query's terms OR'ed, quoted as lexemes (no parser: the same strings ingestion stored).
    term_query as materialized (
      select string_agg(quote_literal(t), ' | ')::tsquery as query from unnest(${terms}::text[]) t
    ),
    -- MaxScore-style pruning: score the units holding one of the rarer half of the terms first; units
    -- holding only common terms can score at most common_bound, so they are read only when that could
    -- still beat the current top N (a one-time filter: otherwise their scan never runs).
    split as materialized (
      select array_agg(term) filter (where r <= half) as rare_terms,
        coalesce(sum(idf) filter (where r > half), 0) * (${k1} + 1) as common_bound
      from (
        select term, idf, row_number() over (order by idf desc, term) as r,
          greatest(1, ceil(count(*) over () / 2.0)) as half
        from idf
      ) ranked
    ),
    rare_query as materialized (
      select string_agg(quote_literal(t), ' | ')::tsquery as query from unnest((select rare_terms from split)) t
    ),
    txt_rare as (
      select c.id as chunk_id, ${score} as score
      from chunks c
      join visible v on v.version_id = c.version_id
      where c.term_index @@ (select query from rare_query) and ${applies}
      order by score desc, c.id
      limit ${request.candidates}
    ),
    txt_rest as (
      select c.id as chunk_id, ${score} as score
      from chunks c
      join visible v on v.version_id = c.version_id
      where ((select count(*) from txt_rare) < ${request.candidates}
          or (select min(score) from txt_rare) < (select common_bound from split))
        and c.term_index @@ (select query from term_query)
        and not c.term_index @@ (select query from rare_query)
        and ${applies}
      order by score desc, c.id
      limit ${request.candidates}
    ),
    txt as (
      select chunk_id, score from (select * from txt_rare union all select * from txt_rest) both_sides
      order by score desc, chunk_id
      limit ${request.candidates}
    ),
    vec_ranked as (select chunk_id, score, row_number() over (order by score desc, chunk_id) as rank from vec),
    txt_ranked as (select chunk_id, score, row_number() over (order by score desc, chunk_id) as rank from txt),
    hits as (
    select c.id as chunk_id, v.document_id, v.slug, v.version_id, v.title, c.heading_path, c.text,
      c.page_start, c.page_end, c.token_count, c.char_start, c.ordinal, c.terms,
      vr.score::float8 as vector_score, vr.rank::int as vector_rank,
      tr.score::float8 as text_score, tr.rank::int as text_rank,
      ${neighbourJson('nx')} as next, ${neighbourJson('pv')} as previous,
      case when ${restrictsAny(effective)} then ${effective} end as applies_to,
      ${profileMatch(request.attributes, effective)} as profile_match
    from (select chunk_id from vec union select chunk_id from txt) found
    join chunks c on c.id = found.chunk_id
    join visible v on v.version_id = c.version_id
    left join vec_ranked vr on vr.chunk_id = c.id
    left join txt_ranked tr on tr.chunk_id = c.id
    left join chunks nx on c.text ~ ':\\s*$' and nx.version_id = c.version_id and nx.ordinal = c.ordinal + 1
    left join chunks pv on c.text ~ '^\\s*([-*•]|\\d+[.)])\\s' and pv.version_id = c.version_id
      and pv.ordinal = c.ordinal - 1 and pv.text ~ ':\\s*$'
    )
    -- The statistics ride along as one extra row, so an answerability check needs no second round trip.
    select 'hit' as kind, to_jsonb(hits) as row from hits
    union all
    select 'stats', jsonb_build_object('units', (select n from corpus),
      'df', coalesce((select jsonb_object_agg(term, df) from df), '{}'::jsonb))
  `
}
