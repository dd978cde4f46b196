import { spawn } from 'node:child_process'
import path from 'node:path'
import {
  acquireDatabase,
  type EmbeddedDatabaseWatchdog,
  watchEmbeddedDatabase,
} from '@policydesk/db/embedded'
import { acquireRedis } from '@policydesk/jobs'
import {
  childEnv,
  claimServiceState,
  createLogger,
  dataDir,
  findFreePort,
  findProjectRoot,
  isProcessAlive,
  readServiceState,
  releaseServiceState,
  type SupervisedChild,
  superviseChild,
  UserFacingError,
} from '@policydesk/runtime'
import type { Command } from 'commander'
import { readCliEnv } from '../env'
import { localMetricsToken } from '../lib/metrics-token'
import { printJson, runCommand } from '../lib/output'
import { nextArgs, planStart } from '../lib/start-plan'

const log = createLogger('policydesk')

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start everything: embedded services, migrations, first-run seed, worker and web app')
    .option('--dev', 'run the web app with `next dev` (hot reload)')
    .option(
      '--json',
      'once running, print { status, url, pid, workerMetricsPort } as one JSON line on stdout',
    )
    .action((opts: { dev?: boolean; json?: boolean }) =>
      runCommand(() => start(Boolean(opts.dev), Boolean(opts.json))),
    )
}

async function start(dev: boolean, json: boolean): Promise<number> {
  const cliEnv = readCliEnv()
  // Refusals (unsafe secret, dev sign-in against a remote database) come before anything starts.
  const plan = planStart(cliEnv)
  const { PORT, AUTH_MODE, METRICS_TOKEN } = cliEnv
  if (plan.exposureWarning) warnLoudly(plan.exposureWarning)
  // One running product per data dir (the embedded database itself is shared safely by any process).
  const appState = path.join(dataDir(), 'app.json')
  if (!claimServiceState(appState)) {
    const owner = readServiceState(appState)?.pid
    throw new UserFacingError(
      `Policy Desk is already running on ${dataDir()} (pid ${owner}). Stop it first, or set POLICYDESK_DATA_DIR to use another data dir.`,
    )
  }
  const database = await acquireDatabase({ start: true }).catch((error) => {
    releaseServiceState(appState)
    throw error
  })
  const redis = await acquireRedis({ start: true }).catch((error) => {
    releaseServiceState(appState)
    throw error
  })
  // The watchdog holds a connection (the daemon never idles out while the product runs) and restarts a
  // daemon that died, on the same port.
  const watchdog: EmbeddedDatabaseWatchdog | null =
    database.kind === 'embedded' && database.pid !== null
      ? watchEmbeddedDatabase({ target: { url: database.url, pid: database.pid }, log })
      : null
  const children: SupervisedChild[] = []
  let stopping = false
  const stopAll = async (code: number) => {
    if (stopping) return
    stopping = true
    log.info('stopping…')
    await Promise.all(children.map((child) => child.stop()))
    await redis.release()
    await watchdog?.stop()
    // Ctrl-C stops the whole product, the embedded database included.
    if (watchdog && isProcessAlive(watchdog.pid())) process.kill(watchdog.pid(), 'SIGTERM')
    releaseServiceState(appState)
    process.exit(code)
  }
  process.on('SIGINT', () => void stopAll(0))
  process.on('SIGTERM', () => void stopAll(0))

  // Migrations and the first run's seeding run in a child process: the launcher stays small for the life of
  // the product (it held the migration and ingestion code, ~250 MiB, before; docs/benchmarks.md, Memory).
  const prepared = await prepareDatabase(findProjectRoot())
  if (prepared !== 0) {
    await stopAll(1)
    throw new UserFacingError(
      `Preparing the database failed (exit ${prepared}); the lines above say why. Nothing else was started.`,
    )
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
  const metrics = localMetricsToken(METRICS_TOKEN)
  // The worker has no HTTP server of its own: its metrics get a loopback port (docs/operations.md#metrics).
  const workerMetricsPort = await findFreePort()
  const env = childEnv({
    METRICS_TOKEN: metrics.token,
    DATABASE_URL: database.url,
    POLICYDESK_DATA_DIR: dataDir(),
    ...(redis.url ? { REDIS_URL: redis.url } : { POLICYDESK_JOBS: 'inline' }),
    PORT: String(PORT),
    // The web app derives its default APP_URL (its own origin) from PORT and HOST, and warns on /sign-in.
    ...(plan.host ? { HOST: plan.host } : {}),
    // `next start` runs with NODE_ENV=production, where dev sign-in is refused unless explicitly allowed:
    // the one-command local run allows it; set AUTH_MODE=oidc to use a real identity provider.
    ...(AUTH_MODE ? {} : { AUTH_MODE: 'dev', AUTH_DEV_ALLOW_IN_PRODUCTION: 'true' }),
  })
  log.info(
    `metrics: http://localhost:${PORT}/metrics and http://127.0.0.1:${workerMetricsPort}/metrics (worker), ` +
      `Authorization: Bearer ${metrics.file ? `<token in ${metrics.file}>` : '$METRICS_TOKEN'}`,
  )
  // A crashed worker or web server is restarted with backoff; the others keep running meanwhile.
  children.push(
    superviseChild({
      name: 'worker',
      log,
      start: () =>
        spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/worker/src/main.ts')], {
          env: { ...env, METRICS_PORT: String(workerMetricsPort) },
          stdio: 'inherit',
        }),
    }),
  )
  const next = path.join(root, 'node_modules/.bin/next')
  children.push(
    superviseChild({
      name: 'web',
      log,
      start: () =>
        spawn(next, nextArgs(plan, { dev, port: PORT }), {
          cwd: path.join(root, 'apps/web'),
          env,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
    }),
  )
  log.info(`Policy Desk is running: ${plan.url}  (Ctrl-C stops everything)`)
  if (json) printJson({ status: 'running', url: plan.url, pid: process.pid, workerMetricsPort })
  if (plan.exposureWarning) warnLoudly(plan.exposureWarning)
  await new Promise(() => {})
  return 0
}

/** A banner that stands out in a scrolling terminal. */
function warnLoudly(message: string): void {
  const bar = '!'.repeat(100)
  // The banner goes to stderr as-is, also when logs are JSON lines: a person reading a service's journal
  // must not miss it. Log collectors get it as a structured line as well.
  process.stderr.write(`\n${bar}\n${message}\n${bar}\n`)
  if (!process.stderr.isTTY) log.warn(message, { exposure: true })
}

/**
 * `policydesk db prepare` (migrations, then the demo corpus on an empty database) in a child process, its
 * output on this process's stderr so `start --json` keeps stdout to its one JSON line. Resolves with the
 * exit code.
 */
function prepareDatabase(root: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'apps/cli/bin/policydesk.mjs'), 'db', 'prepare'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    })
    child.on('error', () => resolve(1))
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}
