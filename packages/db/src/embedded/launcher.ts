import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, openSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  canConnect,
  childEnv,
  dataDir,
  isProcessAlive,
  readServiceState,
  sleep,
  UserFacingError,
} from '@policydesk/runtime'
import { readDbEnv } from '../env'

export type DatabaseTarget = {
  url: string
  /** 'external' = DATABASE_URL; 'embedded' = the embedded daemon of this data dir. */
  kind: 'external' | 'embedded'
  /** The daemon's pid (embedded only): `policydesk start` stops it on Ctrl-C. */
  pid: number | null
}

const stateFile = () => path.join(dataDir(), 'pg.json')
const embeddedUrl = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
/** The daemon's entry point: compiled next to a bundled CLI (plain node), else the TypeScript source (tsx). */
const here = path.dirname(fileURLToPath(import.meta.url))
const compiledDaemon = path.join(here, 'daemon-main.mjs')
const daemonCommand = existsSync(compiledDaemon)
  ? [compiledDaemon]
  : ['--import', 'tsx', path.join(here, 'daemon-main.ts')]

/** Finds the live embedded daemon of this data dir, waiting while it is still starting. */
export async function findRunningEmbeddedDatabase(
  waitMs = 60_000,
): Promise<{ url: string; pid: number } | null> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const state = readServiceState(stateFile())
    if (!state || !isProcessAlive(state.pid)) return null
    if (state.port !== null && (await canConnect(state.port)))
      return { url: embeddedUrl(state.port), pid: state.pid }
    if (Date.now() > deadline) {
      throw new UserFacingError(
        `The embedded database in ${dataDir()} is owned by process ${state.pid}, which is not answering. ` +
          'Stop that process, or remove pg.json if it is not Policy Desk.',
      )
    }
    await sleep(100)
  }
}

/**
 * The database for this process: DATABASE_URL if set; else the embedded daemon of the data dir, started
 * (detached) when none runs. Only the daemon opens the data dir, so any number of commands, the worker and
 * the web app can run at once; the daemon exits by itself when nobody has used it for a while.
 * `port` asks a newly started daemon to listen there (a restart keeps the URL others already hold).
 */
export async function acquireDatabase(options: { start: boolean; port?: number }): Promise<DatabaseTarget> {
  const env = readDbEnv()
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, kind: 'external', pid: null }
  const running = await findRunningEmbeddedDatabase()
  if (running) return { url: running.url, kind: 'embedded', pid: running.pid }
  if (!options.start) {
    throw new UserFacingError(
      'No database: set DATABASE_URL, or start Policy Desk first (`npm start`) so the embedded database runs.',
    )
  }
  mkdirSync(dataDir(), { recursive: true })
  const logFile = openSync(path.join(dataDir(), 'pg.log'), 'a')
  const daemon = spawn(process.execPath, daemonCommand, {
    detached: true,
    stdio: ['ignore', logFile, logFile],
    env: childEnv({
      POLICYDESK_DATA_DIR: dataDir(),
      ...(options.port ? { POLICYDESK_DB_PORT: String(options.port) } : {}),
    }),
  })
  daemon.unref()
  // Whoever wins the claim (this daemon or a concurrent one) publishes its port; wait for it.
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const found = await findRunningEmbeddedDatabase()
    if (found) return { url: found.url, kind: 'embedded', pid: found.pid }
    if (daemon.exitCode !== null && daemon.exitCode !== 0) break
    await sleep(100)
  }
  throw new UserFacingError(`The embedded database did not start; see ${path.join(dataDir(), 'pg.log')}`)
}
