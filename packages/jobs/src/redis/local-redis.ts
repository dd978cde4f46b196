import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import {
  claimServiceState,
  createLogger,
  dataDir,
  findFreePort,
  isProcessAlive,
  publishServicePort,
  readServiceState,
  redactUrl,
  releaseServiceState,
  sleep,
  superviseChild,
  UserFacingError,
} from '@policydesk/runtime'
import { readJobsEnv } from '../env'
import { pingRedis } from './connection'

export type RedisTarget = {
  /** null = no Redis: jobs run in-process ("inline" mode). */
  url: string | null
  kind: 'external' | 'shared' | 'owned' | 'inline'
  release: () => Promise<void>
}

const stateFile = () => path.join(dataDir(), 'redis.json')
const noop = async () => {}

function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

async function findRunningLocalRedis(): Promise<string | null> {
  const state = readServiceState(stateFile())
  if (!state || state.port === null || !isProcessAlive(state.pid)) return null
  const url = `redis://127.0.0.1:${state.port}`
  return (await pingRedis(url)) ? url : null
}

/**
 * Resolves Redis for this process: REDIS_URL (must answer); else a local redis-server another process
 * started; else, when `start` is allowed and redis-server is on PATH, one we start (no persistence) and stop
 * on `release()`; else inline mode.
 */
export async function acquireRedis(options: { start: boolean }): Promise<RedisTarget> {
  const env = readJobsEnv()
  if (env.REDIS_URL) {
    if (!(await pingRedis(env.REDIS_URL))) {
      throw new UserFacingError(`Cannot reach Redis at ${redactUrl(env.REDIS_URL)} (REDIS_URL)`)
    }
    return { url: env.REDIS_URL, kind: 'external', release: noop }
  }
  if (env.POLICYDESK_JOBS === 'inline') return { url: null, kind: 'inline', release: noop }
  const running = await findRunningLocalRedis()
  if (running) return { url: running, kind: 'shared', release: noop }
  if (!options.start || !redisServerOnPath()) return { url: null, kind: 'inline', release: noop }
  if (!claimServiceState(stateFile())) {
    await sleep(500)
    const theirs = await findRunningLocalRedis()
    return theirs
      ? { url: theirs, kind: 'shared', release: noop }
      : { url: null, kind: 'inline', release: noop }
  }
  const port = await findFreePort()
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--loglevel',
    'warning',
  ]
  // Supervised: a redis-server that dies is started again on the same port (empty: it keeps nothing on
  // disk); BullMQ clients reconnect and the worker's reconciler re-enqueues the versions still queued.
  const supervised = superviseChild({
    name: 'redis',
    log: createLogger('policydesk'),
    start: () => spawn('redis-server', args, { stdio: 'ignore' }),
    stopGraceMs: 5_000,
  })
  const url = `redis://127.0.0.1:${port}`
  if (!(await waitForRedis(url))) {
    await supervised.stop()
    releaseServiceState(stateFile())
    throw new UserFacingError(`redis-server did not start on port ${port}`)
  }
  publishServicePort(stateFile(), port)
  return {
    url,
    kind: 'owned',
    release: async () => {
      await supervised.stop()
      releaseServiceState(stateFile())
    },
  }
}

async function waitForRedis(url: string): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await pingRedis(url, 500)) return true
    await sleep(100)
  }
  return false
}
