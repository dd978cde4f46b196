import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const mainFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts')

export type WorkerProcess = {
  child: ChildProcess
  output: () => string
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/** Runs the real worker entry point as a separate process, as production does. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: { ...process.env, RECONCILE_INTERVAL_MS: '500', RECONCILE_STALE_MS: '2000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const append = (d: Buffer) => {
    output += d.toString()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  return {
    child,
    output: () => output,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill(signal)
      }),
  }
}
