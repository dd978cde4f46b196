import { UserFacingError } from '@policydesk/runtime'
import type { Command } from 'commander'
import { z } from 'zod'
import { type ProcessRss, totalMiB, treeRss } from '../bench/process-tree'
import { readCliEnv } from '../env'
import { printJson, printLine, runCommand } from '../lib/output'

/** The seeded demo users, reused round-robin: one session cookie each. */
const BENCH_USERS = ['employee@example.com', 'hr@example.com', 'analyst@example.com', 'admin@example.com']

/** Answerable questions from samples/questions.jsonl that every user may ask. */
const QUESTIONS = [
  'What does the company match on 401(k) contributions?',
  'How long am I allowed to work from abroad each year?',
  'Who has to approve an expense claim of EUR 4,000?',
  'After I submit a whistleblowing report, when will I hear back?',
  'How many days of annual leave do employees in the Berlin office get?',
  'What is the weekly on-call stipend for engineers employed in Berlin?',
  'How much learning budget do I get each year?',
  'During a SEV1 outage, how often should the status page be updated?',
]

const optionsSchema = z.object({
  url: z.url().optional(),
  concurrency: z.coerce.number().int().min(1).max(500).default(50),
  duration: z.coerce.number().min(1).max(600).default(30),
  maxRequests: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  serverPid: z.coerce.number().int().min(1).optional(),
  warmUp: z.coerce.number().min(0).max(600).default(0),
  json: z.boolean().default(false),
})
type BenchChatOptions = z.infer<typeof optionsSchema>

/** Load tests only ever target this machine. */
function assertLoopback(base: URL): void {
  const host = base.hostname.replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)) return
  throw new UserFacingError(`bench chat only targets loopback addresses (got ${base.hostname})`)
}

export function registerBenchChatCommand(bench: Command): void {
  bench
    .command('chat')
    .description(
      'load-test POST /api/chat on a running server: signed-in users streaming answers concurrently',
    )
    .option(
      '--url <url>',
      'base URL of a running Policy Desk (loopback only; default http://127.0.0.1:$PORT)',
    )
    .option('--concurrency <n>', 'simultaneous requests in flight', '50')
    .option('--duration <seconds>', 'how long to send new requests', '30')
    .option('--max-requests <n>', 'stop after this many requests even if time remains', '100000')
    .option(
      '--warm-up <seconds>',
      'drive the same load this long before measuring (memory growth after warm-up)',
      '0',
    )
    .option(
      '--server-pid <pid>',
      'pid of the `policydesk start` launcher: report the resident memory of it and every process it runs, after warm-up and after the load',
    )
    .option('--json', 'print the report as one JSON object')
    .action((raw: unknown) => runCommand(() => benchChat(optionsSchema.parse(raw))))
}

async function signIn(base: URL, email: string): Promise<string> {
  const response = await fetch(new URL('/api/auth/dev-sign-in', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  })
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  if (!response.ok || !cookie) {
    throw new UserFacingError(
      `dev sign-in as ${email} failed (${response.status}): run the server with AUTH_MODE=dev and seeded users`,
    )
  }
  return cookie
}

type Outcome =
  | { kind: 'answer'; ttftMs: number | null; totalMs: number; abstained: boolean; cached: boolean }
  | { kind: 'rate-limited' | 'server-error' | 'failed'; totalMs: number }

/** One question; reads the SSE stream to the end, timing the first `token` event and the `final` event. */
async function askOnce(base: URL, cookie: string, question: string): Promise<Outcome> {
  const started = performance.now()
  const elapsed = () => performance.now() - started
  try {
    const response = await fetch(new URL('/api/chat', base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ message: question }),
      signal: AbortSignal.timeout(60_000),
    })
    if (response.status === 429) {
      await response.body?.cancel()
      return { kind: 'rate-limited', totalMs: elapsed() }
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel()
      return { kind: response.status >= 500 ? 'server-error' : 'failed', totalMs: elapsed() }
    }
    let ttftMs: number | null = null
    let text = ''
    for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
      text += chunk
      if (ttftMs === null && text.includes('event: token\n')) ttftMs = elapsed()
    }
    const final = /event: final\ndata: (.*)\n/.exec(text)?.[1]
    if (!final) return { kind: 'server-error', totalMs: elapsed() }
    const result = JSON.parse(final) as { abstained?: boolean; cached?: boolean }
    return {
      kind: 'answer',
      ttftMs,
      totalMs: elapsed(),
      abstained: Boolean(result.abstained),
      cached: Boolean(result.cached),
    }
  } catch {
    return { kind: 'failed', totalMs: elapsed() }
  }
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return Math.round((sorted[index] ?? 0) * 10) / 10
}

const summarize = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) }
}

export type BenchChatReport = {
  url: string
  concurrency: number
  durationSeconds: number
  requests: number
  answers: number
  abstained: number
  cached: number
  rateLimited: number
  serverErrors: number
  otherFailures: number
  answersPerSecond: number
  ttftMs: { p50: number | null; p95: number | null; p99: number | null }
  totalMs: { p50: number | null; p95: number | null; p99: number | null }
  /** With --server-pid: RSS of the server's processes after warm-up, at the sampled peak, and after the load. */
  memory?: MemoryReport
}

type MemoryReport = {
  afterWarmUp: ProcessRss[]
  afterLoad: ProcessRss[]
  totalAfterWarmUpMiB: number
  peakTotalMiB: number
  totalAfterLoadMiB: number
  /** Growth of the total from after warm-up to after the load; the goal is ≤ 10%. */
  growthPercent: number
}

/** Samples the server's total RSS every second during the load, for its peak. */
function sampleTree(pid: number) {
  const afterWarmUp = treeRss(pid)
  if (afterWarmUp.length === 0) throw new UserFacingError(`--server-pid ${pid}: no such process`)
  let peak = totalMiB(afterWarmUp)
  const timer = setInterval(() => {
    peak = Math.max(peak, totalMiB(treeRss(pid)))
  }, 1_000)
  return {
    finish: (): MemoryReport => {
      clearInterval(timer)
      const afterLoad = treeRss(pid)
      const before = totalMiB(afterWarmUp)
      const after = totalMiB(afterLoad)
      return {
        afterWarmUp,
        afterLoad,
        totalAfterWarmUpMiB: before,
        peakTotalMiB: Math.max(peak, after),
        totalAfterLoadMiB: after,
        growthPercent: Math.round(((after - before) / before) * 1000) / 10,
      }
    },
  }
}

async function benchChat(options: BenchChatOptions): Promise<number> {
  const base = new URL(options.url ?? `http://127.0.0.1:${readCliEnv().PORT}`)
  assertLoopback(base)
  const cookies = await Promise.all(BENCH_USERS.map((email) => signIn(base, email)))
  // Warm-up, not measured: the first answer after a start loads models, tokenizers and route code.
  for (const cookie of cookies) await askOnce(base, cookie, QUESTIONS[0] ?? '')
  // Each loop is one simulated user; new requests stop at the deadline, in-flight ones finish.
  const drive = async (seconds: number, maxRequests: number, outcomes: Outcome[]) => {
    const deadline = performance.now() + seconds * 1000
    let sent = 0
    const loop = async (worker: number) => {
      for (let i = 0; performance.now() < deadline && sent < maxRequests; i++) {
        sent++
        const cookie = cookies[worker % cookies.length] ?? ''
        const question = QUESTIONS[(worker + i) % QUESTIONS.length] ?? ''
        outcomes.push(await askOnce(base, cookie, question))
      }
    }
    await Promise.all(Array.from({ length: options.concurrency }, (_, w) => loop(w)))
  }
  if (!options.json) {
    printLine(
      `bench chat: ${options.concurrency} concurrent users for ${options.warmUp} s (warm-up) + ${options.duration} s against ${base.origin}…`,
    )
  }
  // Warm-up under the same load, not measured: heaps and caches grow to their working size first, so the
  // memory comparison that follows shows growth (a leak), not the first fill.
  if (options.warmUp > 0) await drive(options.warmUp, Number.POSITIVE_INFINITY, [])
  const memory = options.serverPid === undefined ? null : sampleTree(options.serverPid)
  const outcomes: Outcome[] = []
  const started = performance.now()
  await drive(options.duration, options.maxRequests, outcomes)
  const wallSeconds = (performance.now() - started) / 1000

  const answers = outcomes.filter((o) => o.kind === 'answer')
  const report: BenchChatReport = {
    url: base.origin,
    concurrency: options.concurrency,
    durationSeconds: Math.round(wallSeconds * 10) / 10,
    requests: outcomes.length,
    answers: answers.length,
    abstained: answers.filter((a) => a.abstained).length,
    cached: answers.filter((a) => a.cached).length,
    rateLimited: outcomes.filter((o) => o.kind === 'rate-limited').length,
    serverErrors: outcomes.filter((o) => o.kind === 'server-error').length,
    otherFailures: outcomes.filter((o) => o.kind === 'failed').length,
    answersPerSecond: Math.round((answers.length / wallSeconds) * 10) / 10,
    ttftMs: summarize(answers.flatMap((a) => (a.ttftMs === null ? [] : [a.ttftMs]))),
    totalMs: summarize(answers.map((a) => a.totalMs)),
    ...(memory ? { memory: memory.finish() } : {}),
  }
  if (options.json) printJson(report)
  else printReport(report)
  return report.serverErrors + report.otherFailures > 0 ? 1 : 0
}

function printReport(r: BenchChatReport): void {
  const ms = (v: number | null) => (v === null ? '–' : `${v} ms`)
  printLine(
    `requests ${r.requests} in ${r.durationSeconds} s: ${r.answers} answers (${r.abstained} abstained, ${r.cached} cached), ${r.rateLimited} rate-limited (429), ${r.serverErrors} server errors, ${r.otherFailures} other failures`,
  )
  printLine(`answers/s ${r.answersPerSecond}`)
  printLine(`time to first token  p50 ${ms(r.ttftMs.p50)}  p95 ${ms(r.ttftMs.p95)}  p99 ${ms(r.ttftMs.p99)}`)
  printLine(
    `total answer time    p50 ${ms(r.totalMs.p50)}  p95 ${ms(r.totalMs.p95)}  p99 ${ms(r.totalMs.p99)}`,
  )
  if (r.memory) {
    const m = r.memory
    for (const p of m.afterLoad) {
      const before = m.afterWarmUp.find((b) => b.pid === p.pid)
      printLine(`rss ${p.name} (${p.pid})  ${before ? `${before.rssMiB} → ` : ''}${p.rssMiB} MiB`)
    }
    printLine(
      `rss total  ${m.totalAfterWarmUpMiB} MiB after warm-up, peak ${m.peakTotalMiB}, ${m.totalAfterLoadMiB} after the load (${m.growthPercent}%)`,
    )
  }
  if (r.rateLimited > 0) {
    printLine(
      '(429s: start the server with CHAT_RATE_LIMIT_PER_MINUTE=100000 to measure throughput, not the limiter)',
    )
  }
}
