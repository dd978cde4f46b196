import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { askApi, signedInApi } from './support/chat-api'
import { type OtlpCollector, startOtlpCollector } from './support/otlp-collector'
import { type Product, removeProduct, startProduct, waitUntil } from './support/product'

/**
 * `npm start` supervises what it runs: a worker or embedded database killed with SIGKILL comes back by
 * itself with a log line, the web app keeps answering (clearly refusing while the database is down), and
 * Ctrl-C still stops every process. Runs its own product instance: it breaks things on purpose.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 20
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
let collector: OtlpCollector

test.describe.configure({ mode: 'serial', timeout: 240_000 })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  collector = await startOtlpCollector()
  product = await startProduct({
    port: PORT,
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: '500' },
  })
})

test.afterAll(async () => {
  if (product && product.launcher.exitCode === null) await product.stop()
  if (product) removeProduct(product)
  await collector?.close()
})

test('JSON log lines with trace and user ids (no question text); metrics behind the token', async ({
  playwright,
}) => {
  const api = await signedInApi(playwright, product.baseURL, 'employee')
  expect((await askApi(api, QUESTION)).final?.abstained).toBe(false)
  await api.dispose()

  // Not a terminal: every line the launcher, worker and web app write is one JSON object.
  await waitUntil(async () => product.logs().includes('"msg":"answered"'), 'the answer log line', 10_000)
  const lines = product
    .logs()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(lines.length).toBeGreaterThan(5)
  const answered = lines.find((l) => l.msg === 'answered')
  expect(answered).toMatchObject({ level: 'info', scope: 'web:chat', outcome: 'answered' })
  expect(answered?.traceId).toMatch(/^[0-9a-f]{32}$/)
  expect(answered?.userId).toMatch(/^[0-9a-f-]{36}$/)
  expect(answered?.questionChars).toBe(QUESTION.length)
  expect(product.logs()).not.toContain('EUR 4,000')
  // The access line of the same request carries the same ids.
  const access = lines.find((l) => l.msg === 'request' && l.route === '/api/chat')
  expect(access).toMatchObject({
    method: 'POST',
    status: 200,
    traceId: answered?.traceId,
    userId: answered?.userId,
  })

  // Traces (OTEL_EXPORTER_OTLP_ENDPOINT is set): the question is one trace, from the request span
  // through the answer stages, with the same trace id as its log lines.
  const question = await waitUntil(
    async () => {
      const inTrace = collector.spans.filter((sp) => sp.traceId === answered?.traceId)
      return inTrace.some((sp) => sp.name === 'answer.generate') ? inTrace : null
    },
    'the exported spans of the question',
    15_000,
  )
  const root = question.find((sp) => sp.name === 'POST /api/chat')
  expect(root?.service).toBe('policydesk-web')
  expect(root?.attributes['http.status_code']).toBe(200)
  expect(question.map((sp) => sp.name)).toEqual(
    expect.arrayContaining(['answer.retrieve', 'answer.generate', 'answer.validate']),
  )

  // Web metrics: on the app's port, behind the token `npm start` generated in the data dir.
  const token = readFileSync(path.join(product.dataDir, 'metrics-token'), 'utf8').trim()
  expect((await fetch(`${product.baseURL}/metrics`)).status).toBe(401)
  const web = await fetch(`${product.baseURL}/metrics`, { headers: { Authorization: `Bearer ${token}` } })
  expect(web.status).toBe(200)
  const webText = await web.text()
  expect(webText).toMatch(
    /policydesk_http_request_duration_seconds_count\{[^}]*route="\/api\/chat"[^}]*\} [1-9]/,
  )
  expect(webText).toMatch(/policydesk_answers_total\{[^}]*outcome="answered"[^}]*\} [1-9]/)
  expect(webText).toMatch(/policydesk_answer_stage_duration_seconds_count\{[^}]*stage="retrieve"/)
  expect(webText).toMatch(/policydesk_db_pool_connections\{[^}]*state="total"/)
  expect(webText).toMatch(/policydesk_queue_jobs\{[^}]*state="waiting"/)
  expect(webText).toMatch(/policydesk_worker_heartbeat_age_seconds\{service="web"\} \d/)

  // Worker metrics: its own loopback port, named in its log.
  await waitUntil(
    async () => product.logs().includes('"msg":"metrics served"'),
    'the worker metrics line',
    30_000,
  )
  const served = product
    .logs()
    .split('\n')
    .filter((l) => l.includes('"msg":"metrics served"'))
    .map((l) => JSON.parse(l) as { url: string })[0]
  const worker = await fetch(String(served?.url), { headers: { Authorization: `Bearer ${token}` } })
  expect(worker.status).toBe(200)
  expect(await worker.text()).toContain('policydesk_reconciler_runs_total{service="worker"}')
})

test('a killed worker and a killed database come back; the web keeps serving; Ctrl-C stops all', async ({
  playwright,
}) => {
  const api = await signedInApi(playwright, product.baseURL, 'employee')
  expect((await askApi(api, QUESTION)).final?.abstained).toBe(false)

  // The worker dies: the launcher says so and starts another; the web app never notices.
  const worker = await product.waitFor(async () => product.childPid('apps/worker'), 'the worker')
  process.kill(worker, 'SIGKILL')
  const health = await fetch(`${product.baseURL}/api/health`)
  expect(health.status).toBe(200)
  expect((await askApi(api, QUESTION)).final?.abstained).toBe(false)
  await product.waitFor(
    async () => product.logs().includes('worker exited unexpectedly; restarting in'),
    'the worker crash log line',
  )
  const newWorker = await product.waitFor(async () => {
    const pid = product.childPid('apps/worker')
    return pid !== worker && pid
  }, 'a new worker')
  expect(isAlive(newWorker)).toBe(true)

  // The embedded database dies: the web app answers 503 with a clear message until it is back.
  const daemon = product.databasePid()
  expect(daemon).not.toBeNull()
  process.kill(daemon ?? 0, 'SIGKILL')
  const refused = await product.waitFor(async () => {
    const outcome = await askApi(api, QUESTION)
    return outcome.status === 503 ? outcome : null
  }, 'a 503 while the database is down')
  expect(refused.error).toContain('The database is not available right now')
  const down = await fetch(`${product.baseURL}/api/health`)
  // Either still down (503, says which part) or already back: never a crash of the web process.
  expect([200, 503]).toContain(down.status)
  await product.waitFor(
    async () => product.logs().includes('embedded database restarted'),
    'the database restart log line',
  )
  const restarted = product.databasePid()
  expect(restarted).not.toBe(daemon)
  const answered = await product.waitFor(async () => {
    const outcome = await askApi(api, QUESTION)
    return outcome.final ? outcome : null
  }, 'an answer after the database came back')
  expect(answered.final?.abstained).toBe(false)
  await api.dispose()

  // Ctrl-C: the launcher exits and takes the web app, the worker and the database daemon with it.
  const web = product.childPid('next-server')
  const current = product.childPid('apps/worker')
  expect(await product.stop()).toBe(0)
  for (const pid of [web, current, restarted]) {
    expect(pid).not.toBeNull()
    await waitUntil(async () => !isAlive(pid ?? 0), `process ${pid} to exit`, 15_000)
  }
})
