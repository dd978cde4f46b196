/**
 * A private `policydesk start` for tests that break things (kill the worker, the database daemon, Redis):
 * its own data dir, port and small demo corpus, so the shared e2e server is never disturbed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from './run-in-repo'

export type Product = {
  baseURL: string
  dataDir: string
  launcher: ChildProcess
  /** Everything the launcher and its children wrote to stderr so far. */
  logs: () => string
  /** Pid of the launcher's child whose command line contains `marker` (worker: 'apps/worker'). */
  childPid: (marker: string) => number | null
  /** Pid of the embedded database daemon (from its state file). */
  databasePid: () => number | null
  waitFor: <T>(
    probe: () => Promise<T | null | undefined | false>,
    what: string,
    timeoutMs?: number,
  ) => Promise<T>
  /** Ctrl-C; resolves with the exit code. */
  stop: () => Promise<number | null>
}

const DEFAULT_FILES = ['expenses-and-travel.pdf', 'remote-work.md', 'pto-and-leave.md']

/** A samples dir with a few of the demo documents: first start in seconds instead of a minute. */
function smallCorpus(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pd-e2e-corpus-'))
  const source = path.join(REPO_ROOT, 'samples')
  const manifest = JSON.parse(readFileSync(path.join(source, 'manifest.json'), 'utf8')) as {
    documents: { file: string }[]
  }
  mkdirSync(path.join(dir, 'policies'))
  for (const file of files)
    copyFileSync(path.join(source, 'policies', file), path.join(dir, 'policies', file))
  const documents = manifest.documents.filter((d) => files.includes(d.file))
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ documents }))
  return dir
}

export async function startProduct(options: {
  port: number
  env?: Record<string, string>
  files?: string[]
}): Promise<Product> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pd-e2e-product-'))
  const samples = smallCorpus(options.files ?? DEFAULT_FILES)
  let output = ''
  // Only the embedded services of this data dir: an outer DATABASE_URL / REDIS_URL must not leak in.
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env
  const launcher = spawn(process.execPath, [path.join(REPO_ROOT, 'apps/cli/bin/policydesk.mjs'), 'start'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      POLICYDESK_DATA_DIR: dataDir,
      POLICYDESK_SAMPLES_DIR: samples,
      PORT: String(options.port),
      AUTH_MODE: 'dev',
      AUTH_DEV_ALLOW_IN_PRODUCTION: 'true',
      CHAT_RATE_LIMIT_PER_MINUTE: '6000',
      CHAT_RATE_LIMIT_BURST: '500',
      LOG_LEVEL: 'info',
      POLICYDESK_LOG_LEVEL: 'info',
      ...options.env,
    },
  })
  launcher.stdout?.on('data', (d: Buffer) => {
    output += d.toString()
  })
  launcher.stderr?.on('data', (d: Buffer) => {
    output += d.toString()
  })
  const baseURL = `http://127.0.0.1:${options.port}`

  const waitFor: Product['waitFor'] = (probe, what, timeoutMs = 60_000) =>
    waitUntil(
      async () => {
        if (launcher.exitCode !== null) throw new Error(`policydesk start exited while waiting for ${what}`)
        return probe().catch(() => null)
      },
      what,
      timeoutMs,
      () => output,
    )

  const product: Product = {
    baseURL,
    dataDir,
    launcher,
    logs: () => output,
    childPid: (marker) => {
      try {
        const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcher.pid)], {
          encoding: 'utf8',
        })
        return parsePid(listing, marker)
      } catch {
        return null // ps exits 1 when the launcher has no children
      }
    },
    databasePid: () => {
      try {
        return (JSON.parse(readFileSync(path.join(dataDir, 'pg.json'), 'utf8')) as { pid: number }).pid
      } catch {
        return null
      }
    },
    waitFor,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(samples, { recursive: true, force: true })
          resolve(launcher.exitCode)
        }
        if (launcher.exitCode !== null) return done()
        launcher.once('exit', done)
        launcher.kill('SIGINT')
      }),
  }
  await waitFor(
    async () => (await fetch(`${baseURL}/api/health`)).ok,
    'the app to answer /api/health',
    150_000,
  )
  return product
}

/** Polls `probe` every 100 ms until it returns something truthy; a thrown error ends the wait at once. */
export async function waitUntil<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
  context: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let value: T | null | undefined | false
    try {
      value = await probe()
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : error}\n${context()}`)
    }
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${context()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function parsePid(listing: string, marker: string): number | null {
  for (const line of listing.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line)
    if (match?.[2]?.includes(marker)) return Number(match[1])
  }
  return null
}

/** Removes a stopped product's data dir. */
export const removeProduct = (product: Product) => rmSync(product.dataDir, { recursive: true, force: true })
