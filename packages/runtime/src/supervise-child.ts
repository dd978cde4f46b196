import type { ChildProcess } from 'node:child_process'
import { type BackoffPolicy, DEFAULT_BACKOFF, RestartBackoff } from './backoff'
import type { Logger } from './log'

export type SupervisedChild = {
  readonly name: string
  /** The running process; null while waiting to restart or after `stop()`. */
  current: () => ChildProcess | null
  /** How many times the process was restarted after an unexpected exit. */
  restarts: () => number
  /** Stops supervising, then the process: SIGTERM, SIGKILL after the grace period. */
  stop: () => Promise<void>
}

export type SuperviseOptions = {
  name: string
  /** Spawns a fresh process; called again for every restart (so it may read changed settings). */
  start: () => ChildProcess
  log: Logger
  policy?: BackoffPolicy
  /** How long SIGTERM may take before SIGKILL. */
  stopGraceMs?: number
}

/**
 * Keeps one child process running: an exit we did not ask for is logged and followed by a restart after an
 * exponential backoff (a crash loop costs a log line every 30 s at most, not a busy CPU). `stop()` is the
 * only way the process ends for good.
 */
export function superviseChild(options: SuperviseOptions): SupervisedChild {
  const backoff = new RestartBackoff(options.policy ?? DEFAULT_BACKOFF)
  let child: ChildProcess | null = null
  let stopped = false
  let restarts = 0
  let timer: NodeJS.Timeout | undefined

  const launch = () => {
    if (stopped) return
    const startedAt = Date.now()
    const spawned = options.start()
    child = spawned
    let ended = false
    const onEnd = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (ended) return
      ended = true
      if (child === spawned) child = null
      if (stopped) return
      const delayMs = backoff.failed(Date.now() - startedAt)
      restarts++
      options.log.error(
        `${options.name} exited unexpectedly; restarting in ${formatSeconds(delayMs)} (restart ${restarts})`,
        {
          process: options.name,
          childPid: spawned.pid ?? null,
          code,
          signal,
          error: error?.message,
          delayMs,
        },
      )
      timer = setTimeout(launch, delayMs)
    }
    spawned.once('exit', (code, signal) => onEnd(code, signal))
    // A process that could not be spawned at all (ENOENT, EACCES) emits 'error' and never 'exit'.
    spawned.once('error', (error) => {
      if (spawned.pid === undefined) onEnd(null, null, error)
    })
    if (spawned.pid !== undefined)
      options.log.info(`${options.name} started`, { process: options.name, childPid: spawned.pid })
  }
  launch()

  return {
    name: options.name,
    current: () => child,
    restarts: () => restarts,
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      const running = child
      child = null
      if (running) await stopChildProcess(running, options.stopGraceMs ?? 10_000)
    },
  }
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. Resolves once it has exited. */
export function stopChildProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

const formatSeconds = (ms: number) => `${Math.round(ms / 100) / 10} s`
