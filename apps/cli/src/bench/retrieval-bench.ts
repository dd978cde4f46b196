import { type Database, type DbOrTx, embeddingIndexName, ensureEmbeddingIndex } from '@policydesk/db'
import { type EphemeralDatabase, startEphemeralDatabase } from '@policydesk/db/embedded'
import { hybridSearch } from '@policydesk/inference'
import { type EmbeddingRow, insertEmbeddings } from '@policydesk/ingest'
import {
  loadAverage,
  type MachineInfo,
  machineInfo,
  mean,
  percentile,
  RssSampler,
  round,
  since,
} from './measure'
import { type BenchUser, RETRIEVAL_DIMS, RetrievalCorpus, userNearest } from './retrieval-corpus'

export const BENCH_MODEL = 'bench-synthetic-384'

export type RetrievalBenchOptions = {
  sizes: number[]
  queries: number
  seed: number
  onProgress?: (label: string, fraction: number, detail: string) => void
}

/**
 * One way of running hybrid search: the SQL variant (the real `hybridSearch` statement, or it with one textual
 * change we want to evaluate) plus SET LOCAL settings inside the search's transaction.
 */
type Scenario = { name: string; variant: 'current' | 'not-materialized'; set: string[] }

const ITERATIVE = 'hnsw.iterative_scan = relaxed_order'

const EXACT: Scenario = {
  name: 'exact (no index scans)',
  variant: 'current',
  set: ['enable_indexscan = off'],
}

export const SCENARIOS: Scenario[] = [
  EXACT,
  { name: 'hnsw ef_search=40 (default)', variant: 'current', set: [] },
  { name: 'hnsw ef_search=100', variant: 'current', set: ['hnsw.ef_search = 100'] },
  { name: 'iterative relaxed_order', variant: 'current', set: [ITERATIVE] },
  { name: 'iterative strict_order', variant: 'current', set: ['hnsw.iterative_scan = strict_order'] },
  { name: 'proposed: not materialized + relaxed', variant: 'not-materialized', set: [ITERATIVE] },
]

/** The textual change the `not-materialized` variant makes to the real statement. */
const VISIBLE_CTE = 'with visible as ('
const VISIBLE_CTE_INLINED = 'with visible as not materialized ('

export type SettingRun = {
  user: string
  readablePercent: number
  setting: string
  p50Ms: number
  p95Ms: number
  meanMs: number
  /** p50 including BEGIN, the SET LOCALs and COMMIT (what wrapping the search in a transaction costs). */
  transactionP50Ms: number
  /** Mean overlap of the vector side's top 10 with the exact top 10 under the same ACL. */
  recallAt10: number
  /** Share of queries whose vector top 10 equals the exact one. */
  perfectQueries: number
  /** Mean vector-side rows returned (the search asks for `candidates`); fewer = the filter starved HNSW. */
  meanVectorRows: number
  /** HNSW index scans in a 20-query sample (pg_stat_user_indexes): 0 = the planner did not use the index. */
  hnswScans: number | null
  /** Index tuples the HNSW scans returned, per query (iterative scans read on until the filter is satisfied). */
  hnswTuplesPerQuery: number | null
}

export type SizeReport = {
  chunks: number
  documents: number
  topics: number
  insert: {
    chunkRowsSeconds: number
    embeddingRowsSeconds: number
    embeddingRowsPerSecond: number
  }
  hnswBuildSeconds: number
  maintenanceWorkMem: string
  users: { name: string; groups: number; readablePercent: number; readableChunks: number }[]
  candidates: number
  runs: SettingRun[]
  /** EXPLAIN ANALYZE means over 10 queries: time in the vector CTE, the full-text CTE, and the whole statement. */
  plans: { user: string; setting: string; vecMs: number; txtMs: number; executionMs: number }[]
  /**
   * RSS of this process (the embedded Postgres runs in it) after the size's queries, and the peak sampled so
   * far in the run (WASM memory is not returned, so a larger size's peak includes earlier ones).
   */
  memory: {
    rssMiB: number
    peakRssMiB: number
    databaseMiB: number
    indexMiB: number
    chunkEmbeddingsMiB: number
  }
}

export type RetrievalBenchReport = {
  bench: 'retrieval'
  setup: { database: string; model: string; dims: number; queriesPerRun: number; seed: number; hnsw: string }
  sizes: SizeReport[]
  machine: MachineInfo
}

const CANDIDATES = 40

type Loaded = { versionIds: string[] }

/** Bulk-loads the corpus: documents, versions (ready, current), ACL rows, chunks, then binary vectors. */
async function load(
  database: EphemeralDatabase,
  corpus: RetrievalCorpus,
  groupIds: string[],
  progress: (fraction: number, detail: string) => void,
): Promise<Loaded & { chunkSeconds: number; embeddingSeconds: number }> {
  const pool = database.pool
  const docs = corpus.documents
  const versionIds: string[] = []
  const BATCH = 500
  for (let i = 0; i < docs.length; i += BATCH) {
    const slice = docs.slice(i, i + BATCH)
    const slugs = slice.map((_, j) => `bench-doc-${String(i + j).padStart(6, '0')}`)
    const { rows: documentRows } = await pool.query<{ id: string; slug: string }>(
      `insert into documents (slug, title, source_name)
       select s, s, s || '.md' from unnest($1::text[]) as u(s) returning id, slug`,
      [slugs],
    )
    const idBySlug = new Map(documentRows.map((r) => [r.slug, r.id]))
    const documentIds = slugs.map((s) => idBySlug.get(s) ?? '')
    const { rows: versionRows } = await pool.query<{ id: string; document_id: string }>(
      `insert into document_versions (document_id, version_no, sha256, size_bytes, status, stage, progress, chunk_count)
       select d, 1, d::text, 1000, 'ready', 'ready', 100, n from unnest($1::uuid[], $2::int[]) as u(d, n)
       returning id, document_id`,
      [documentIds, slice.map((d) => d.chunks)],
    )
    const versionByDoc = new Map(versionRows.map((r) => [r.document_id, r.id]))
    versionIds.push(...documentIds.map((d) => versionByDoc.get(d) ?? ''))
    const aclDocs: string[] = []
    const aclGroups: string[] = []
    slice.forEach((d, j) => {
      for (const g of d.groups) {
        aclDocs.push(documentIds[j] ?? '')
        aclGroups.push(groupIds[g] ?? '')
      }
    })
    await pool.query(
      'insert into document_groups (document_id, group_id) select * from unnest($1::uuid[], $2::uuid[])',
      [aclDocs, aclGroups],
    )
  }
  await pool.query(
    'update documents d set current_version_id = v.id from document_versions v where v.document_id = d.id',
  )

  // Chunks and their vectors, document by document (the generator is sequential: same order, same corpus).
  let chunkMs = 0
  let embeddingMs = 0
  let inserted = 0
  let pending: { ordinals: number[]; headings: string[]; texts: string[]; vectors: Float32Array[] } = {
    ordinals: [],
    headings: [],
    texts: [],
    vectors: [],
  }
  const versionsOfPending: string[] = []
  const flush = async () => {
    if (pending.texts.length === 0) return
    let t = performance.now()
    const { rows } = await pool.query<{ id: string; version_id: string; ordinal: number }>(
      `insert into chunks (version_id, ordinal, heading, heading_path, text, char_start, char_end, token_count)
       select v, o, h, array[h], t, 0, length(t), 60 from unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) as u(v, o, h, t)
       returning id, version_id, ordinal`,
      [versionsOfPending, pending.ordinals, pending.headings, pending.texts],
    )
    chunkMs += since(t)
    const idByKey = new Map(rows.map((r) => [`${r.version_id}:${r.ordinal}`, r.id]))
    const embeddingRows: EmbeddingRow[] = pending.vectors.map((vector, k) => ({
      chunkId: idByKey.get(`${versionsOfPending[k]}:${pending.ordinals[k]}`) ?? '',
      vector,
    }))
    t = performance.now()
    await insertEmbeddings(database.db, embeddingRows, BENCH_MODEL, RETRIEVAL_DIMS)
    embeddingMs += since(t)
    inserted += embeddingRows.length
    progress(inserted / corpus.chunkCount, `${inserted}/${corpus.chunkCount} chunks`)
    pending = { ordinals: [], headings: [], texts: [], vectors: [] }
    versionsOfPending.length = 0
  }
  for (const [doc, d] of docs.entries()) {
    const vectors = corpus.chunkVectors(doc)
    const heading = corpus.headingOf(doc)
    for (let o = 0; o < d.chunks; o++) {
      versionsOfPending.push(versionIds[doc] ?? '')
      pending.ordinals.push(o)
      pending.headings.push(heading)
      pending.texts.push(corpus.chunkText(doc, o))
      pending.vectors.push(vectors[o] ?? new Float32Array(RETRIEVAL_DIMS))
    }
    if (pending.texts.length >= 2_000) await flush()
  }
  await flush()
  return { versionIds, chunkSeconds: chunkMs / 1000, embeddingSeconds: embeddingMs / 1000 }
}

async function hnswStats(pool: EphemeralDatabase['pool']): Promise<{ scans: number; tuples: number } | null> {
  // Statistics are flushed lazily (at most once a second): force it, then read in the next statement.
  await pool.query('select pg_stat_force_next_flush()')
  const { rows } = await pool.query<{ scans: string | null; tuples: string | null }>(
    'select idx_scan::text as scans, idx_tup_read::text as tuples from pg_stat_user_indexes where indexrelname = $1',
    [embeddingIndexName(BENCH_MODEL, RETRIEVAL_DIMS)],
  )
  const row = rows[0]
  return row?.scans == null ? null : { scans: Number(row.scans), tuples: Number(row.tuples ?? 0) }
}

type Rendered = { sql: string; params: unknown[] }
type Dialect = { sqlToQuery: (query: unknown) => Rendered }

/** drizzle's SQL renderer of this database handle (not in its public types, but present at run time). */
function dialectOf(db: Database): Dialect {
  const dialect: unknown = Reflect.get(db, 'dialect')
  if (
    typeof dialect === 'object' &&
    dialect !== null &&
    'sqlToQuery' in dialect &&
    typeof dialect.sqlToQuery === 'function'
  ) {
    const render = dialect.sqlToQuery.bind(dialect)
    return {
      sqlToQuery: (query) => {
        const rendered: unknown = render(query)
        if (typeof rendered === 'object' && rendered !== null && 'sql' in rendered && 'params' in rendered) {
          const { sql: text, params } = rendered
          if (typeof text === 'string' && Array.isArray(params)) return { sql: text, params }
        }
        throw new Error('unexpected rendered query')
      },
    }
  }
  throw new Error('cannot find the SQL dialect of the database handle')
}

/**
 * One hybrid search through the real `hybridSearch` (its SQL, fusion and mapping) on one pooled connection,
 * inside a transaction with the scenario's SET LOCALs. The statement hybridSearch builds is rendered and,
 * for a variant, changed textually before it runs. Returns wall ms and the vector side's ranking.
 */
async function search(
  database: EphemeralDatabase,
  scenario: Scenario,
  groupIds: string[],
  query: { text: string; vector: Float32Array },
  onPlan?: (plan: unknown) => void,
): Promise<{ ms: number; txMs: number; vectorTop: string[]; vectorRows: number }> {
  const dialect = dialectOf(database.db)
  const client = await database.pool.connect()
  const begun = performance.now()
  try {
    await client.query('begin')
    for (const s of scenario.set) await client.query(`set local ${s}`)
    const execute = async (statement: unknown) => {
      const { sql: text, params } = dialect.sqlToQuery(statement)
      if (scenario.variant === 'not-materialized' && !text.includes(VISIBLE_CTE))
        throw new Error(`hybridSearch no longer contains "${VISIBLE_CTE}": update the bench variant`)
      const run = scenario.variant === 'current' ? text : text.replace(VISIBLE_CTE, VISIBLE_CTE_INLINED)
      if (onPlan) onPlan((await client.query(`explain (analyze, format json) ${run}`, params)).rows[0])
      return client.query(run, params)
    }
    const shim: Pick<DbOrTx, 'execute'> & { transaction: (fn: (tx: unknown) => unknown) => unknown } = {
      execute: execute as unknown as DbOrTx['execute'],
      transaction: (fn) => fn(shim),
    }
    const t = performance.now()
    const candidates = await hybridSearch(shim as unknown as DbOrTx, {
      query: query.text,
      groupIds,
      candidates: CANDIDATES,
      vector: Array.from(query.vector),
      model: BENCH_MODEL,
      dimensions: RETRIEVAL_DIMS,
    })
    const ms = since(t)
    await client.query('commit')
    const txMs = since(begun)
    const vectorSide = candidates
      .filter((c) => c.vectorRank !== null)
      .sort((a, b) => (a.vectorRank ?? 0) - (b.vectorRank ?? 0))
    return {
      ms,
      txMs,
      vectorTop: vectorSide.slice(0, 10).map((c) => c.chunkId),
      vectorRows: vectorSide.length,
    }
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

type PlanNode = {
  'Subplan Name'?: string
  'Actual Total Time'?: number
  'Actual Loops'?: number
  Plans?: PlanNode[]
}

/** Milliseconds spent in the `vec` and `txt` CTEs of one EXPLAIN ANALYZE (JSON) of the hybrid statement. */
export function cteTimes(explainRow: unknown): { vecMs: number; txtMs: number; totalMs: number } | null {
  if (typeof explainRow !== 'object' || explainRow === null) return null
  const plans: unknown = Reflect.get(explainRow, 'QUERY PLAN')
  const top = Array.isArray(plans) ? (plans[0] as { Plan?: PlanNode; 'Execution Time'?: number }) : null
  if (!top?.Plan) return null
  const found: Record<string, number> = {}
  const walk = (node: PlanNode) => {
    const name = node['Subplan Name']
    if (name?.startsWith('CTE '))
      found[name.slice(4)] = (node['Actual Total Time'] ?? 0) * (node['Actual Loops'] ?? 1)
    for (const child of node.Plans ?? []) walk(child)
  }
  walk(top.Plan)
  return { vecMs: found.vec ?? 0, txtMs: found.txt ?? 0, totalMs: top['Execution Time'] ?? 0 }
}

export type PreparedCorpus = {
  database: EphemeralDatabase
  corpus: RetrievalCorpus
  groupIds: string[]
  users: BenchUser[]
  chunkSeconds: number
  embeddingSeconds: number
  hnswBuildSeconds: number
  buildMemory: string | null
}

/**
 * A fresh embedded database holding the clustered corpus (documents, ACL, chunks, binary-inserted vectors),
 * its HNSW index built afterwards, statistics analysed, and three users: all groups, ~25 %, ~5 % readable.
 * The caller stops `database`.
 */
export async function prepareRetrievalCorpus(
  chunks: number,
  seed: number,
  progress: (label: string, fraction: number, detail: string) => void = () => {},
): Promise<PreparedCorpus> {
  const corpus = new RetrievalCorpus(chunks, seed)
  const database = await startEphemeralDatabase()
  try {
    const { rows: groupRows } = await database.pool.query<{ id: string; name: string }>(
      `insert into groups (name) select 'bench-group-' || lpad(g::text, 2, '0') from generate_series(0, ${corpus.groupWeights.length - 1}) g
       returning id, name`,
    )
    const groupIds = groupRows.sort((a, b) => a.name.localeCompare(b.name)).map((r) => r.id)
    const loaded = await load(database, corpus, groupIds, (f, d) => progress('loading', f, d))

    progress('building HNSW', 0, `${chunks} vectors`)
    const t = performance.now()
    const index = await ensureEmbeddingIndex(database.db, BENCH_MODEL, RETRIEVAL_DIMS)
    const hnswBuildSeconds = since(t) / 1000
    await database.pool.query('analyze')

    const allUsers = corpus.users(500)
    const docs = corpus.documents.length
    const all = groupIds.map((_, g) => g)
    const users: BenchUser[] = [
      { name: 'all-groups', groups: all, ...corpus.readable(all) },
      { ...userNearest(allUsers, docs, 0.25), name: 'acl-25%' },
      { ...userNearest(allUsers, docs, 0.05), name: 'acl-5%' },
    ]
    return {
      database,
      corpus,
      groupIds,
      users,
      chunkSeconds: loaded.chunkSeconds,
      embeddingSeconds: loaded.embeddingSeconds,
      hnswBuildSeconds,
      buildMemory: index.buildMemory,
    }
  } catch (error) {
    await database.stop()
    throw error
  }
}

async function benchSize(
  chunks: number,
  options: RetrievalBenchOptions,
  sampler: RssSampler,
): Promise<SizeReport> {
  const progress = (label: string, fraction: number, detail: string) =>
    options.onProgress?.(`${chunks} chunks: ${label}`, fraction, detail)
  const prepared = await prepareRetrievalCorpus(chunks, options.seed, progress)
  const { database, corpus, groupIds, users } = prepared
  const docs = corpus.documents.length
  try {
    const queries = corpus.queries(options.queries)
    const runs: SettingRun[] = []
    const plans: SizeReport['plans'] = []
    let step = 0
    for (const user of users) {
      const userGroups = user.groups.map((g) => groupIds[g] ?? '')
      // Warm-up (untimed).
      for (const q of queries.slice(0, 5)) await search(database, SCENARIOS[1] ?? EXACT, userGroups, q)
      // Index statistics per scenario from a short untimed pass (reading them costs two statements).
      const stats = new Map<Scenario, { scans: number; tuplesPerQuery: number } | null>()
      const statQueries = queries.slice(0, Math.min(20, queries.length))
      for (const scenario of SCENARIOS) {
        const before = await hnswStats(database.pool)
        for (const q of statQueries) await search(database, scenario, userGroups, q)
        const after = await hnswStats(database.pool)
        stats.set(
          scenario,
          before && after
            ? {
                scans: after.scans - before.scans,
                tuplesPerQuery: (after.tuples - before.tuples) / statQueries.length,
              }
            : null,
        )
      }
      // Where the statement's time goes (EXPLAIN ANALYZE, untimed pass): the vector CTE vs the full-text CTE.
      for (const scenario of SCENARIOS.filter((x) => x.name !== EXACT.name)) {
        const samples: { vecMs: number; txtMs: number; totalMs: number }[] = []
        for (const q of queries.slice(0, 10))
          await search(database, scenario, userGroups, q, (plan) => {
            const times = cteTimes(plan)
            if (times) samples.push(times)
          })
        plans.push({
          user: user.name,
          setting: scenario.name,
          vecMs: round(mean(samples.map((x) => x.vecMs)), 1),
          txtMs: round(mean(samples.map((x) => x.txtMs)), 1),
          executionMs: round(mean(samples.map((x) => x.totalMs)), 1),
        })
      }
      // Timed pass, scenarios interleaved per query so load on the machine hits them alike.
      const results = new Map<
        Scenario,
        { ms: number; txMs: number; vectorTop: string[]; vectorRows: number }[]
      >(SCENARIOS.map((s) => [s, []]))
      for (const [i, q] of queries.entries()) {
        progress(
          'querying',
          (step + i / queries.length) / users.length,
          `${user.name} query ${i + 1}/${queries.length}`,
        )
        for (const scenario of SCENARIOS)
          results.get(scenario)?.push(await search(database, scenario, userGroups, q))
      }
      step++
      const truth = (results.get(EXACT) ?? []).map((r) => r.vectorTop)
      for (const scenario of SCENARIOS) {
        const rs = results.get(scenario) ?? []
        const recalls = rs.map((r, i) => {
          const exact = truth[i] ?? []
          if (exact.length === 0) return 1
          return r.vectorTop.filter((id) => exact.includes(id)).length / exact.length
        })
        const ms = rs.map((r) => r.ms)
        const stat = stats.get(scenario)
        runs.push({
          user: user.name,
          readablePercent: round((100 * user.readableDocuments) / docs, 1),
          setting: scenario.name,
          p50Ms: round(percentile(ms, 50), 1),
          p95Ms: round(percentile(ms, 95), 1),
          meanMs: round(mean(ms), 1),
          transactionP50Ms: round(
            percentile(
              rs.map((r) => r.txMs),
              50,
            ),
            1,
          ),
          recallAt10: round(mean(recalls), 3),
          perfectQueries: round(recalls.filter((r) => r === 1).length / recalls.length, 3),
          meanVectorRows: round(mean(rs.map((r) => r.vectorRows)), 1),
          hnswScans: stat ? stat.scans : null,
          hnswTuplesPerQuery: stat ? round(stat.tuplesPerQuery, 1) : null,
        })
      }
    }
    sampler.sample()
    const { rows: sizes } = await database.pool.query<{ db: string; idx: string; tbl: string }>(
      `select pg_database_size(current_database())::text as db,
              pg_relation_size($1::regclass)::text as idx,
              pg_total_relation_size('chunk_embeddings')::text as tbl`,
      [`"${embeddingIndexName(BENCH_MODEL, RETRIEVAL_DIMS)}"`],
    )
    const mib = (v: string | undefined) => round(Number(v ?? 0) / 1024 / 1024, 1)
    return {
      chunks,
      documents: docs,
      topics: corpus.topics,
      insert: {
        chunkRowsSeconds: round(prepared.chunkSeconds, 2),
        embeddingRowsSeconds: round(prepared.embeddingSeconds, 2),
        embeddingRowsPerSecond: round(chunks / prepared.embeddingSeconds, 0),
      },
      hnswBuildSeconds: round(prepared.hnswBuildSeconds, 1),
      maintenanceWorkMem: prepared.buildMemory ?? 'server default',
      users: users.map((u) => ({
        name: u.name,
        groups: u.groups.length,
        readablePercent: round((100 * u.readableDocuments) / docs, 1),
        readableChunks: u.readableChunks,
      })),
      candidates: CANDIDATES,
      runs,
      plans,
      memory: {
        rssMiB: round(process.memoryUsage().rss / 1024 / 1024),
        peakRssMiB: sampler.self().sampledPeakMiB,
        databaseMiB: mib(sizes[0]?.db),
        indexMiB: mib(sizes[0]?.idx),
        chunkEmbeddingsMiB: mib(sizes[0]?.tbl),
      },
    }
  } finally {
    await database.stop()
  }
}

/**
 * Retrieval at scale on the embedded Postgres of this process: bulk load through the binary vector path,
 * HNSW build, then the real `hybridSearch` SQL per user (ACL) and per setting, with recall@10 of the vector
 * side against the same query run without index scans.
 */
export async function runRetrievalBench(options: RetrievalBenchOptions): Promise<RetrievalBenchReport> {
  const loadStart = loadAverage()
  const sampler = new RssSampler().start()
  const sizes: SizeReport[] = []
  try {
    for (const chunks of options.sizes) sizes.push(await benchSize(chunks, options, sampler))
  } finally {
    sampler.stop()
  }
  return {
    bench: 'retrieval',
    setup: {
      database:
        'ephemeral embedded PGlite (Postgres 18 WASM, pgvector 0.8) in this process, queried over the wire protocol',
      model: BENCH_MODEL,
      dims: RETRIEVAL_DIMS,
      queriesPerRun: options.queries,
      seed: options.seed,
      hnsw: 'm=16, ef_construction=64, vector_cosine_ops, partial index per model',
    },
    sizes,
    machine: machineInfo(loadStart),
  }
}
