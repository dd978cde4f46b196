import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import {
  claimServiceState,
  dataDir,
  findFreePort,
  isProcessAlive,
  publishServicePort,
  readServiceState,
  redactUrl,
  releaseServiceState,
  sleep,
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
  const child = spawn(
    'redis-server',
    [
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
    ],
    { stdio: 'ignore' },
  )
  const url = `redis://127.0.0.1:${port}`
  if (!(await waitForRedis(url, child))) {
    child.kill('SIGKILL')
    releaseServiceState(stateFile())
    throw new UserFacingError(`redis-server did not start on port ${port}`)
  }
  publishServicePort(stateFile(), port)
  return {
    url,
    kind: 'owned',
    release: async () => {
      await stopChild(child)
      releaseServiceState(stateFile())
    },
  }
}

async function waitForRedis(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) return false
    if (await pingRedis(url, 500)) return true
    await sleep(100)
  }
  return false
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
