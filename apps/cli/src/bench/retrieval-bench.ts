import { embeddingIndexName, ensureEmbeddingIndex, replaceVersionTermStats } from '@policydesk/db'
import type { EphemeralDatabase } from '@policydesk/db/embedded'
import { type EmbeddingRow, insertEmbeddings } from '@policydesk/ingest'
import { TERMS_VERSION, termFrequencies } from '@policydesk/text'
import { benchDatabase } from './bench-database'
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
import {
  type BenchQuery,
  type BenchUser,
  RETRIEVAL_DIMS,
  RetrievalCorpus,
  userNearest,
} from './retrieval-corpus'
import { meanPlanTimes, type PlanTimes, planText, planTimes } from './retrieval-plans'
import {
  BENCH_MODEL,
  CANDIDATES,
  EXACT,
  PRODUCTION,
  pureHnswSearch,
  SCENARIOS,
  type Scenario,
  type SearchOutcome,
  search,
} from './retrieval-search'

export type RetrievalBenchOptions = {
  sizes: number[]
  queries: number
  seed: number
  /** An empty server Postgres (pgvector ≥ 0.8) instead of the in-process embedded one (`bench-database.ts`). */
  databaseUrl?: string
  onProgress?: (label: string, fraction: number, detail: string) => void
}

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
  /** p50 and p95 of this run over the pure-HNSW query's p50 and p95 in the same run (issue 17: p95 ≤ 3×). */
  p50VsPureHnsw: number
  p95VsPureHnsw: number
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
  /**
   * The floor the goal compares against: a pure HNSW kNN (`CANDIDATES` nearest, no ACL, no text side),
   * timed interleaved with the hybrid searches (once per query and user).
   */
  pureHnsw: { p50Ms: number; p95Ms: number; meanMs: number; samples: number }
  runs: SettingRun[]
  /** EXPLAIN ANALYZE means over up to 10 queries per user and setting: ms per materialised CTE, the statement. */
  plans: ({ user: string; setting: string } & PlanTimes)[]
  /** EXPLAIN (ANALYZE) text of the production statement for each user's first query. */
  planTexts: { user: string; query: string; plan: string }[]
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
  const versionStats = new Map<string, { df: Map<string, number>; termTotal: number }>()
  const flush = async () => {
    if (pending.texts.length === 0) return
    let t = performance.now()
    // BM25 terms as ingestion computes them; arrays of arrays travel as JSON (unnest cannot split them).
    const terms = pending.texts.map((text, k) => termFrequencies(text, [pending.headings[k] ?? '']))
    const { rows } = await pool.query<{ id: string; version_id: string; ordinal: number }>(
      `insert into chunks (version_id, ordinal, heading, heading_path, text, char_start, char_end, token_count,
         terms, term_freqs, term_count)
       select v, o, h, array[h], t, 0, length(t), 60,
         array(select jsonb_array_elements_text(x->'terms')),
         array(select (jsonb_array_elements_text(x->'freqs'))::real), (x->>'length')::real
       from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::jsonb[]) as u(v, o, h, t, x)
       returning id, version_id, ordinal`,
      [
        versionsOfPending,
        pending.ordinals,
        pending.headings,
        pending.texts,
        terms.map((t) => JSON.stringify(t)),
      ],
    )
    for (const [k, t] of terms.entries()) {
      const version = versionsOfPending[k] ?? ''
      const stats = versionStats.get(version) ?? { df: new Map<string, number>(), termTotal: 0 }
      stats.termTotal += t.length
      for (const term of t.terms) stats.df.set(term, (stats.df.get(term) ?? 0) + 1)
      versionStats.set(version, stats)
    }
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
  for (const [versionId, stats] of versionStats)
    await replaceVersionTermStats(database.db, versionId, { ...stats, termsVersion: TERMS_VERSION })
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
 * A fresh embedded database (or the empty server database of `databaseUrl`) holding the clustered corpus
 * (documents, ACL, chunks, binary-inserted vectors),
 * its HNSW index built afterwards, statistics analysed, and three users: all groups, ~25 %, ~5 % readable.
 * The caller stops `database`.
 */
export async function prepareRetrievalCorpus(
  chunks: number,
  seed: number,
  progress: (label: string, fraction: number, detail: string) => void = () => {},
  databaseUrl?: string,
): Promise<PreparedCorpus> {
  const corpus = new RetrievalCorpus(chunks, seed)
  const database = await benchDatabase(databaseUrl, BENCH_MODEL, RETRIEVAL_DIMS)
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

type UserMeasurement = {
  user: BenchUser
  results: Map<Scenario, SearchOutcome[]>
  stats: Map<Scenario, { scans: number; tuplesPerQuery: number } | null>
  pureMs: number[]
}

/** Untimed: HNSW index statistics per scenario from a short pass (reading them costs two statements). */
async function indexStats(
  database: EphemeralDatabase,
  userGroups: string[],
  queries: BenchQuery[],
): Promise<UserMeasurement['stats']> {
  const stats: UserMeasurement['stats'] = new Map()
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
  return stats
}

/** Untimed: where the statement's time goes (EXPLAIN ANALYZE means per CTE) and one full text plan. */
async function explainUser(
  database: EphemeralDatabase,
  user: BenchUser,
  userGroups: string[],
  queries: BenchQuery[],
): Promise<{ plans: SizeReport['plans']; text: SizeReport['planTexts'][number] }> {
  const plans: SizeReport['plans'] = []
  for (const scenario of SCENARIOS.filter((x) => x.name !== EXACT.name)) {
    const samples: PlanTimes[] = []
    for (const q of queries.slice(0, 10))
      await search(database, scenario, userGroups, q, {
        format: 'json',
        onPlan: (plan) => {
          const times = planTimes(plan)
          if (times) samples.push(times)
        },
      })
    plans.push({ user: user.name, setting: scenario.name, ...meanPlanTimes(samples) })
  }
  let text = ''
  const first = queries[0]
  if (first)
    await search(database, PRODUCTION, userGroups, first, {
      format: 'text',
      onPlan: (rows) => {
        text = planText(rows)
      },
    })
  return { plans, text: { user: user.name, query: first?.text ?? '', plan: text } }
}

/** Timed pass for one user: scenarios and the pure-HNSW floor interleaved per query, so load hits them alike. */
async function timeUser(
  database: EphemeralDatabase,
  userGroups: string[],
  queries: BenchQuery[],
  progress: (i: number) => void,
): Promise<Pick<UserMeasurement, 'results' | 'pureMs'>> {
  const results = new Map<Scenario, SearchOutcome[]>(SCENARIOS.map((s) => [s, []]))
  const pureMs: number[] = []
  for (const [i, q] of queries.entries()) {
    progress(i)
    pureMs.push(await pureHnswSearch(database, q))
    for (const scenario of SCENARIOS)
      results.get(scenario)?.push(await search(database, scenario, userGroups, q))
  }
  return { results, pureMs }
}

function settingRuns(m: UserMeasurement, documents: number, pure: SizeReport['pureHnsw']): SettingRun[] {
  const truth = (m.results.get(EXACT) ?? []).map((r) => r.vectorTop)
  return SCENARIOS.map((scenario) => {
    const rs = m.results.get(scenario) ?? []
    const recalls = rs.map((r, i) => {
      const exact = truth[i] ?? []
      if (exact.length === 0) return 1
      return r.vectorTop.filter((id) => exact.includes(id)).length / exact.length
    })
    const ms = rs.map((r) => r.ms)
    const stat = m.stats.get(scenario)
    const p50 = percentile(ms, 50)
    const p95 = percentile(ms, 95)
    return {
      user: m.user.name,
      readablePercent: round((100 * m.user.readableDocuments) / documents, 1),
      setting: scenario.name,
      p50Ms: round(p50, 1),
      p95Ms: round(p95, 1),
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
      p50VsPureHnsw: round(p50 / pure.p50Ms, 2),
      p95VsPureHnsw: round(p95 / pure.p95Ms, 2),
    }
  })
}

async function benchSize(
  chunks: number,
  options: RetrievalBenchOptions,
  sampler: RssSampler,
): Promise<SizeReport> {
  const progress = (label: string, fraction: number, detail: string) =>
    options.onProgress?.(`${chunks} chunks: ${label}`, fraction, detail)
  const prepared = await prepareRetrievalCorpus(chunks, options.seed, progress, options.databaseUrl)
  const { database, corpus, groupIds, users } = prepared
  const docs = corpus.documents.length
  try {
    const queries = corpus.queries(options.queries)
    const measured: UserMeasurement[] = []
    const plans: SizeReport['plans'] = []
    const planTexts: SizeReport['planTexts'] = []
    for (const [step, user] of users.entries()) {
      const userGroups = user.groups.map((g) => groupIds[g] ?? '')
      // Warm-up (untimed).
      for (const q of queries.slice(0, 5)) await search(database, PRODUCTION, userGroups, q)
      const stats = await indexStats(database, userGroups, queries)
      const explained = await explainUser(database, user, userGroups, queries)
      plans.push(...explained.plans)
      planTexts.push(explained.text)
      const timed = await timeUser(database, userGroups, queries, (i) =>
        progress(
          'querying',
          (step + i / queries.length) / users.length,
          `${user.name} query ${i + 1}/${queries.length}`,
        ),
      )
      measured.push({ user, stats, ...timed })
    }
    const pureMs = measured.flatMap((m) => m.pureMs)
    const pureHnsw = {
      p50Ms: round(percentile(pureMs, 50), 2),
      p95Ms: round(percentile(pureMs, 95), 2),
      meanMs: round(mean(pureMs), 2),
      samples: pureMs.length,
    }
    const runs = measured.flatMap((m) => settingRuns(m, docs, pureHnsw))
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
      pureHnsw,
      runs,
      plans,
      planTexts,
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
      database: options.databaseUrl
        ? 'server Postgres given by --database-url (emptied after each size); RSS figures are this process only'
        : 'ephemeral embedded PGlite (Postgres 18 WASM, pgvector 0.8) in this process, queried over the wire protocol',
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
