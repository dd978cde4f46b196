import { mkdirSync } from 'node:fs'
import path from 'node:path'
import {
  canConnect,
  claimServiceState,
  dataDir,
  findFreePort,
  isProcessAlive,
  publishServicePort,
  readServiceState,
  releaseServiceState,
  sleep,
  UserFacingError,
} from '@policydesk/runtime'
import { readDbEnv } from '../env'
import { startEmbeddedServer } from './server'

export type DatabaseTarget = {
  url: string
  /** 'external' = DATABASE_URL; 'shared' = another process serves the embedded DB; 'owned' = we serve it. */
  kind: 'external' | 'shared' | 'owned'
  release: () => Promise<void>
}

const stateFile = () => path.join(dataDir(), 'pg.json')
const embeddedUrl = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`

/** Finds a live embedded server started by another process, waiting briefly while it is still starting. */
export async function findRunningEmbeddedDatabase(waitMs = 60_000): Promise<string | null> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const state = readServiceState(stateFile())
    if (!state || !isProcessAlive(state.pid)) return null
    if (state.port !== null && (await canConnect(state.port))) return embeddedUrl(state.port)
    if (Date.now() > deadline) {
      throw new UserFacingError(
        `The embedded database in ${dataDir()} is owned by process ${state.pid}, which is not answering. ` +
          'Stop that process, or remove pg.json if it is not Policy Desk.',
      )
    }
    await sleep(200)
  }
}

/**
 * Resolves the database for this process: DATABASE_URL if set; else a running embedded server; else, when
 * `start` is allowed, this process starts and owns one until `release()` (only one process may open the
 * data dir, so ownership is claimed with an exclusive state file first).
 */
export async function acquireDatabase(options: { start: boolean }): Promise<DatabaseTarget> {
  const env = readDbEnv()
  const noop = async () => {}
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, kind: 'external', release: noop }

  for (let attempt = 0; attempt < 3; attempt++) {
    const running = await findRunningEmbeddedDatabase()
    if (running) return { url: running, kind: 'shared', release: noop }
    if (!options.start) {
      throw new UserFacingError(
        'No database: set DATABASE_URL, or start Policy Desk first (`npm start`) so the embedded database runs.',
      )
    }
    if (!claimServiceState(stateFile())) continue // someone else won the race: use theirs
    try {
      const dir = path.join(dataDir(), 'pg')
      mkdirSync(dir, { recursive: true })
      const port = await findFreePort()
      const server = await startEmbeddedServer({ dataDir: dir, port })
      publishServicePort(stateFile(), port)
      return {
        url: server.url,
        kind: 'owned',
        release: async () => {
          await server.stop()
          releaseServiceState(stateFile())
        },
      }
    } catch (error) {
      releaseServiceState(stateFile())
      throw error
    }
  }
  throw new UserFacingError(`Could not start or find the embedded database in ${dataDir()}`)
}

/** True when another live process currently owns the embedded database of this data dir. */
export function embeddedDatabaseOwner(): number | null {
  const state = readServiceState(stateFile())
  return state && state.pid !== process.pid && isProcessAlive(state.pid) ? state.pid : null
}
