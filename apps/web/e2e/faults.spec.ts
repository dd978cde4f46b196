import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { createDb, type DbHandle } from '@policydesk/db'
import { askApi, parseSse, signedInApi } from './support/chat-api'
import { type GatedLlm, startGatedLlm } from './support/gated-llm'
import { type Product, removeProduct, startProduct, waitUntil } from './support/product'
import { REPO_ROOT } from './support/run-in-repo'

/**
 * Fault injection against a real `policydesk start` (own data dir and port): the worker SIGKILLed again
 * and again mid-ingest, Redis killed mid-ingest, the database daemon killed mid-answer. Each test is
 * bounded (about a minute) and prints its figures (docs/reliability.md).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 30
const FILES = ['remote-work.md', 'pto-and-leave.md', 'expenses-and-travel.pdf']
const QUESTION = 'Who has to approve an expense claim of EUR 4,000?'
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

let product: Product
let llm: GatedLlm
let db: DbHandle

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  llm = await startGatedLlm()
  product = await startProduct({
    port: PORT,
    files: FILES,
    env: {
      // Fast recovery for the test: a killed worker's job is retried after 3 s, stale versions are
      // re-enqueued after 5 s (production defaults: 60 s and 120 s).
      INGEST_LOCK_DURATION_MS: '3000',
      RECONCILE_INTERVAL_MS: '1000',
      RECONCILE_STALE_MS: '5000',
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'gated',
      LLM_MAX_RETRIES: '0',
    },
  })
  const port = JSON.parse(readFileSync(path.join(product.dataDir, 'pg.json'), 'utf8')).port as number
  db = createDb(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`)
})

test.afterAll(async () => {
  await db?.close()
  if (product && product.launcher.exitCode === null) await product.stop()
  if (product) removeProduct(product)
  await llm?.close()
})

/** Uploads each demo file again under a new name (new documents, same bytes as the clean seed run). */
async function uploadCopies(api: Awaited<ReturnType<typeof signedInApi>>, tag: string, copies: number) {
  const versionIds: string[] = []
  for (let copy = 0; copy < copies; copy++)
    for (const file of FILES) {
      const buffer = readFileSync(path.join(REPO_ROOT, 'samples/policies', file))
      const name = `${tag}-${copy}-${file}`
      const mimeType = file.endsWith('.pdf') ? 'application/pdf' : 'text/markdown'
      const response = await api.post('/api/documents', { multipart: { file: { name, mimeType, buffer } } })
      expect(response.status(), await response.text()).toBe(201)
      const { results } = (await response.json()) as { results: { versionId: string }[] }
      versionIds.push(results[0]?.versionId ?? '')
    }
  return versionIds
}

type VersionCheck = {
  id: string
  source: string
  status: string
  chunks: number
  ordinals: number
  embeddings: number
}

/** Status and chunk counts of versions, with the source file name they came from. */
async function versions(ids: string[]): Promise<VersionCheck[]> {
  const { rows } = await db.pool.query<VersionCheck>(
    `select v.id, d.source_name as source, v.status,
       (select count(*)::int from chunks c where c.version_id = v.id) as chunks,
       (select count(distinct c.ordinal)::int from chunks c where c.version_id = v.id) as ordinals,
       (select count(*)::int from chunk_embeddings e join chunks c on c.id = e.chunk_id where c.version_id = v.id) as embeddings
     from document_versions v join documents d on d.id = v.document_id where v.id = any($1::uuid[])`,
    [ids],
  )
  return rows
}

/** Chunks per demo file in the clean run: the launcher seeded these in-process, no faults. */
async function cleanChunkCounts(): Promise<Map<string, number>> {
  const { rows } = await db.pool.query<{ source: string; chunks: number }>(
    `select d.source_name as source, count(c.id)::int as chunks from documents d
     join chunks c on c.version_id = d.current_version_id where d.source_name = any($1) group by 1`,
    [FILES],
  )
  return new Map(rows.map((r) => [r.source, r.chunks]))
}

async function expectLikeCleanRun(ids: string[]) {
  const clean = await cleanChunkCounts()
  expect(clean.size).toBe(FILES.length)
  for (const v of await versions(ids)) {
    const file = FILES.find((f) => v.source.endsWith(f)) ?? ''
    expect(v, v.source).toMatchObject({
      status: 'ready',
      chunks: clean.get(file),
      ordinals: clean.get(file),
      embeddings: clean.get(file),
    })
  }
}

test('worker SIGKILLed three times mid-ingest: every document ends ready, chunks as in a clean run, chat answers throughout', async ({
  playwright,
}) => {
  const admin = await signedInApi(playwright, product.baseURL, 'admin')
  const employee = await signedInApi(playwright, product.baseURL, 'employee')
  const started = Date.now()
  const ids = await uploadCopies(admin, 'kill', 4)
  const restarts: number[] = []
  for (let kill = 0; kill < 3; kill++) {
    await waitUntil(
      async () => (await versions(ids)).some((v) => v.status === 'processing'),
      'a version being processed',
      30_000,
    )
    const worker = await product.waitFor(async () => product.childPid('apps/worker'), 'the worker')
    process.kill(worker, 'SIGKILL')
    const killedAt = Date.now()
    // The web app does not depend on the worker: it keeps answering while the worker is down.
    expect((await fetch(`${product.baseURL}/api/health/live`)).status).toBe(200)
    expect((await askApi(employee, QUESTION)).final?.abstained).toBe(false)
    await product.waitFor(async () => {
      const pid = product.childPid('apps/worker')
      return pid !== worker && pid
    }, 'the restarted worker')
    restarts.push(Date.now() - killedAt)
    if ((await versions(ids)).every((v) => v.status === 'ready')) break
  }
  await waitUntil(
    async () => (await versions(ids)).every((v) => v.status === 'ready'),
    'every version ready',
    60_000,
  )
  await expectLikeCleanRun(ids)
  console.log(
    `[fault] worker kills: ${restarts.length}, restart ms ${restarts.join(', ')}, ${ids.length} uploads ready after ${Date.now() - started} ms`,
  )
  await admin.dispose()
  await employee.dispose()
})

test('Redis killed mid-ingest: restarted empty, the reconciler re-enqueues, every document ends ready', async ({
  playwright,
}) => {
  const admin = await signedInApi(playwright, product.baseURL, 'admin')
  const ids = await uploadCopies(admin, 'redis', 2)
  await waitUntil(
    async () => (await versions(ids)).some((v) => v.status === 'processing'),
    'a version being processed',
    30_000,
  )
  const redis = await product.waitFor(async () => product.childPid('redis-server'), 'redis-server')
  process.kill(redis, 'SIGKILL')
  const killedAt = Date.now()
  await product.waitFor(async () => {
    const pid = product.childPid('redis-server')
    return pid !== redis && pid
  }, 'the restarted redis-server')
  const redisBack = Date.now() - killedAt
  await waitUntil(
    async () => (await versions(ids)).every((v) => v.status === 'ready'),
    'every version ready',
    60_000,
  )
  await expectLikeCleanRun(ids)
  expect(product.logs()).toContain('redis exited unexpectedly; restarting in')
  console.log(
    `[fault] redis back after ${redisBack} ms; ${ids.length} uploads ready ${Date.now() - killedAt} ms after the kill`,
  )
  await admin.dispose()
})

test('database daemon killed mid-answer: the stream ends with a clear error event; the next question works', async () => {
  const cookie = await signInCookie('employee@example.com')
  const response = await fetch(`${product.baseURL}/api/chat`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: product.baseURL },
    body: JSON.stringify({ message: `${QUESTION} (hold)` }),
  })
  expect(response.status).toBe(200)
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let body = ''
  while (!body.includes('event: token')) body += decoder.decode((await reader.read()).value, { stream: true })
  // The answer is being generated: kill the database, then let generation finish into the outage.
  const daemon = product.databasePid() ?? 0
  process.kill(daemon, 'SIGKILL')
  const killedAt = Date.now()
  await waitUntil(async () => !isAlive(daemon), 'the daemon to die', 5_000)
  llm.release()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    body += decoder.decode(value, { stream: true })
  }
  const events = parseSse(body)
  expect(events.map((e) => e.event)).not.toContain('final')
  expect(events.at(-1)).toMatchObject({
    event: 'error',
    data: {
      reason: 'database-unavailable',
      error: expect.stringContaining('The database is not available right now'),
    },
  })
  await waitUntil(
    async () => (await fetch(`${product.baseURL}/api/health/ready`)).status === 200,
    'readiness again',
    30_000,
  )
  const downMs = Date.now() - killedAt
  const again = await fetch(`${product.baseURL}/api/chat`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: product.baseURL },
    body: JSON.stringify({ message: QUESTION }),
  })
  expect(parseSse(await again.text()).some((e) => e.event === 'final')).toBe(true)
  console.log(`[fault] database killed mid-answer: error event sent, ready again after ${downMs} ms`)
})

async function signInCookie(email: string): Promise<string> {
  const response = await fetch(`${product.baseURL}/api/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: product.baseURL },
    body: JSON.stringify({ email }),
  })
  expect(response.status).toBe(200)
  return (response.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ')
}
