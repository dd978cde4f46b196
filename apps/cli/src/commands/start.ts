import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { assertDatabaseReachable, createDb } from '@policydesk/db'
import { acquireDatabase } from '@policydesk/db/embedded'
import { acquireRedis } from '@policydesk/jobs'
import {
  childEnv,
  claimServiceState,
  createLogger,
  dataDir,
  findProjectRoot,
  readServiceState,
  releaseServiceState,
  UserFacingError,
} from '@policydesk/runtime'
import type { Command } from 'commander'
import { readCliEnv } from '../env'
import { runCommand } from '../lib/output'
import { isSeeded, migrateDatabase, seedDatabase } from '../lib/prepare-database'

const log = createLogger('policydesk')

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start everything: embedded services, migrations, first-run seed, worker and web app')
    .option('--dev', 'run the web app with `next dev` (hot reload)')
    .action((opts: { dev?: boolean }) => runCommand(() => start(Boolean(opts.dev))))
}

async function start(dev: boolean): Promise<number> {
  // One running product per data dir (the embedded database itself is shared safely by any process).
  const appState = path.join(dataDir(), 'app.json')
  if (!claimServiceState(appState)) {
    const owner = readServiceState(appState)?.pid
    throw new UserFacingError(
      `Policy Desk is already running on ${dataDir()} (pid ${owner}). Stop it first, or set POLICYDESK_DATA_DIR to use another data dir.`,
    )
  }
  const { PORT, AUTH_MODE } = readCliEnv()
  const database = await acquireDatabase({ start: true }).catch((error) => {
    releaseServiceState(appState)
    throw error
  })
  const redis = await acquireRedis({ start: true }).catch((error) => {
    releaseServiceState(appState)
    throw error
  })
  // Holding one connection keeps the embedded daemon from idling out while the product runs.
  const keepAlive = createDb(database.url, { poolSize: 1 })
  const held = await keepAlive.pool.connect()
  const children: ChildProcess[] = []
  let stopping = false
  const stopAll = async (code: number) => {
    if (stopping) return
    stopping = true
    log.info('stopping…')
    await Promise.all(children.map(stopChild))
    await redis.release()
    held.release()
    await keepAlive.close().catch(() => {})
    // Ctrl-C stops the whole product, the embedded database included.
    if (database.pid) process.kill(database.pid, 'SIGTERM')
    releaseServiceState(appState)
    process.exit(code)
  }
  process.on('SIGINT', () => void stopAll(0))
  process.on('SIGTERM', () => void stopAll(0))

  try {
    await assertDatabaseReachable(database.url)
    const handle = createDb(database.url)
    await migrateDatabase(handle.db)
    if (!(await isSeeded(handle.db))) {
      log.info('first run: seeding demo users and the demo corpus…')
      await seedDatabase(handle.db)
    }
    await handle.close()
  } catch (error) {
    await stopAll(1)
    throw error
  }

  log.info(
    `database: ${database.kind === 'external' ? 'DATABASE_URL' : `embedded PGlite in ${path.join(dataDir(), 'pg')}`}`,
  )
  log.info(
    redis.url
      ? `redis: ${redis.kind === 'external' ? 'REDIS_URL' : `local redis-server (${redis.url})`}`
      : 'redis: none found — jobs run inline in the worker process',
  )

  const root = findProjectRoot()
  const env = childEnv({
    DATABASE_URL: database.url,
    POLICYDESK_DATA_DIR: dataDir(),
    ...(redis.url ? { REDIS_URL: redis.url } : { POLICYDESK_JOBS: 'inline' }),
    PORT: String(PORT),
    // `next start` runs with NODE_ENV=production, where dev sign-in is refused unless explicitly allowed:
    // the one-command local run allows it; set AUTH_MODE=oidc to use a real identity provider.
    ...(AUTH_MODE ? {} : { AUTH_MODE: 'dev', AUTH_DEV_ALLOW_IN_PRODUCTION: 'true' }),
  })
  const onExit = (name: string) => (code: number | null) => {
    if (!stopping) {
      log.error(`${name} exited unexpectedly (code ${code}); stopping everything`)
      void stopAll(1)
    }
  }
  const worker = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/worker/src/main.ts')], {
    env,
    stdio: 'inherit',
  })
  worker.on('exit', onExit('worker'))
  children.push(worker)
  const next = path.join(root, 'node_modules/.bin/next')
  const web = spawn(next, dev ? ['dev', '-p', String(PORT)] : ['start', '-p', String(PORT)], {
    cwd: path.join(root, 'apps/web'),
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  web.on('exit', onExit('web'))
  children.push(web)
  log.info(`Policy Desk is running: http://localhost:${PORT}  (Ctrl-C stops everything)`)
  await new Promise(() => {})
  return 0
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
