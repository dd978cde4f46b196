import { spawn } from 'node:child_process'
import { findFreePort, sleep } from '@policydesk/runtime'
import { pingRedis } from './redis/connection'

export type TestRedis = { url: string; port: number; stop: () => Promise<void> }

/** A real, throwaway redis-server on a free loopback port (no persistence) for integration tests. */
export async function startTestRedis(port?: number): Promise<TestRedis> {
  const chosen = port ?? (await findFreePort())
  const child = spawn(
    'redis-server',
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  const url = `redis://127.0.0.1:${chosen}`
  for (let i = 0; i < 100 && !(await pingRedis(url, 200)); i++) await sleep(50)
  if (!(await pingRedis(url))) throw new Error('redis-server did not start (is it installed?)')
  return {
    url,
    port: chosen,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}
