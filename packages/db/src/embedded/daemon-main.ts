import { mkdirSync } from 'node:fs'
import path from 'node:path'
import {
  claimServiceState,
  createLogger,
  dataDir,
  errorMessage,
  findFreePort,
  publishServicePort,
  releaseServiceState,
} from '@policydesk/runtime'
import { readDbEnv } from '../env'
import { controlSocketPath, startControlServer } from './control'
import { startEmbeddedServer } from './server'

/**
 * The embedded database daemon: the ONE process that opens `$POLICYDESK_DATA_DIR/pg`. Started on demand by
 * the first command that needs the database; every process (web, worker, CLI) connects over TCP. It exits
 * by itself after POLICYDESK_DB_IDLE_MS without clients, or on SIGTERM/SIGINT.
 */
const log = createLogger('embedded-db')
const stateFile = path.join(dataDir(), 'pg.json')

async function main() {
  if (!claimServiceState(stateFile)) return // another daemon won the race: nothing to do
  try {
    const dir = path.join(dataDir(), 'pg')
    mkdirSync(dir, { recursive: true })
    const port = readDbEnv().POLICYDESK_DB_PORT ?? (await findFreePort())
    const server = await startEmbeddedServer({ dataDir: dir, port })
    const idleMs = readDbEnv().POLICYDESK_DB_IDLE_MS
    let idleSince = Date.now()
    let stopping = false
    // A backup in progress counts as a client: the daemon must not idle out under it.
    let backups = 0
    const control = await startControlServer(controlSocketPath(), {
      snapshot: async () => {
        backups++
        try {
          return await server.snapshot()
        } finally {
          backups--
          idleSince = Date.now()
        }
      },
      clientCount: () => server.clientCount(),
      stop: () => void stop('asked to stop'),
    })
    publishServicePort(stateFile, port)
    log.info(`serving ${dir} on 127.0.0.1:${port}`)
    const stop = async (reason: string) => {
      if (stopping) return
      stopping = true
      log.info(`stopping (${reason})`)
      clearInterval(timer)
      control.close()
      await server.stop()
      releaseServiceState(stateFile)
      process.exit(0)
    }
    const timer = setInterval(() => {
      if (server.clientCount() > 0 || backups > 0) idleSince = Date.now()
      else if (Date.now() - idleSince > idleMs) void stop('idle')
    }, 500)
    process.on('SIGTERM', () => void stop('SIGTERM'))
    process.on('SIGINT', () => void stop('SIGINT'))
  } catch (error) {
    releaseServiceState(stateFile)
    throw error
  }
}

main().catch((error) => {
  log.error(errorMessage(error))
  process.exit(1)
})
