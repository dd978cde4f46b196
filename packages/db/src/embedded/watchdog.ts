import {
  type BackoffPolicy,
  DEFAULT_BACKOFF,
  errorMessage,
  isProcessAlive,
  type Logger,
  RestartBackoff,
} from '@policydesk/runtime'
import pg from 'pg'
import { acquireDatabase } from './launcher'

export type EmbeddedDatabaseWatchdog = {
  /** The daemon's current pid (it changes on every restart). */
  pid: () => number
  restarts: () => number
  /** Stops watching (no more restarts) and closes the held connection. Does not stop the daemon. */
  stop: () => Promise<void>
}

/**
 * Keeps the embedded database daemon of `npm start` alive. It holds one connection, so the daemon never
 * idles out while the product runs and its death is noticed at once (plus a pid check, in case the
 * connection was between reconnects). A dead daemon is started again on the SAME port with backoff: the
 * web app and the worker keep their DATABASE_URL and their pools reconnect by themselves.
 */
export function watchEmbeddedDatabase(options: {
  target: { url: string; pid: number }
  log: Logger
  policy?: BackoffPolicy
  pollMs?: number
}): EmbeddedDatabaseWatchdog {
  const port = Number(new URL(options.target.url).port)
  const backoff = new RestartBackoff(options.policy ?? DEFAULT_BACKOFF)
  let pid = options.target.pid
  let startedAt = Date.now()
  let restarts = 0
  let stopped = false
  let restarting: Promise<void> | null = null
  let held: pg.Client | null = null
  let connecting = false

  const hold = async () => {
    if (connecting || held) return
    connecting = true
    const client = new pg.Client({ connectionString: options.target.url, connectionTimeoutMillis: 5_000 })
    // The daemon dying under us is expected here: check it now instead of crashing on the error.
    client.on('error', () => {})
    client.on('end', () => {
      if (held === client) held = null
      if (!stopped) check()
    })
    try {
      await client.connect()
      held = client
    } catch {
      await client.end().catch(() => {})
    } finally {
      connecting = false
    }
  }

  const restart = async () => {
    const downSince = Date.now()
    let delayMs = backoff.failed(downSince - startedAt)
    options.log.error(`embedded database exited unexpectedly; restarting in ${delayMs / 1000} s`, {
      process: 'embedded-db',
      daemonPid: pid,
      port,
      delayMs,
    })
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      if (stopped) return
      try {
        const target = await acquireDatabase({ start: true, port })
        if (target.url !== options.target.url || target.pid === null)
          throw new Error(`it came back at ${target.url}, not on port ${port}`)
        pid = target.pid
        startedAt = Date.now()
        restarts++
        await hold()
        options.log.info('embedded database restarted', {
          process: 'embedded-db',
          daemonPid: pid,
          port,
          downMs: Date.now() - downSince,
          restart: restarts,
        })
        return
      } catch (error) {
        delayMs = backoff.failed(0)
        options.log.error(`embedded database did not restart; trying again in ${delayMs / 1000} s`, {
          process: 'embedded-db',
          error: errorMessage(error),
          delayMs,
        })
      }
    }
  }

  const check = () => {
    if (stopped || restarting || isProcessAlive(pid)) {
      if (!stopped && !restarting && !held) void hold()
      return
    }
    restarting = restart().finally(() => {
      restarting = null
    })
  }

  void hold()
  const timer = setInterval(check, options.pollMs ?? 1_000)
  return {
    pid: () => pid,
    restarts: () => restarts,
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await restarting
      const client = held
      held = null
      await client?.end().catch(() => {})
    },
  }
}
