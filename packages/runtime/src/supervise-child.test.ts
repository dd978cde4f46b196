import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { Logger } from './log'
import { sleep } from './net'
import { isProcessAlive } from './service-state'
import { superviseChild } from './supervise-child'

type Line = { level: string; message: string; fields?: Record<string, unknown> }

function captureLog(): { log: Logger; lines: Line[] } {
  const lines: Line[] = []
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields })
  }
  return { log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines }
}

const policy = { initialMs: 50, maxMs: 400, resetAfterMs: 60_000 }
const longRunning = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })

async function until<T>(probe: () => T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await sleep(20)
  }
}

describe('superviseChild', () => {
  it('restarts a process killed with SIGKILL and says so', async () => {
    const { log, lines } = captureLog()
    const supervised = superviseChild({ name: 'worker', start: longRunning, log, policy })
    const first = await until(() => supervised.current()?.pid)
    process.kill(first, 'SIGKILL')
    const second = await until(() => {
      const pid = supervised.current()?.pid
      return pid !== first && pid
    })
    expect(isProcessAlive(second)).toBe(true)
    expect(supervised.restarts()).toBe(1)
    const crash = lines.find((l) => l.level === 'error')
    expect(crash?.message).toBe('worker exited unexpectedly; restarting in 0.1 s (restart 1)')
    expect(crash?.fields).toMatchObject({ childPid: first, signal: 'SIGKILL', delayMs: 50 })
    await supervised.stop()
    expect(isProcessAlive(second)).toBe(false)
  })

  it('backs off exponentially while the process keeps failing at once', async () => {
    const { log, lines } = captureLog()
    const supervised = superviseChild({
      name: 'crasher',
      start: () => spawn(process.execPath, ['-e', 'process.exit(3)'], { stdio: 'ignore' }),
      log,
      policy,
    })
    await until(() => supervised.restarts() >= 4)
    await supervised.stop()
    const delays = lines.filter((l) => l.level === 'error').map((l) => l.fields?.delayMs)
    expect(delays.slice(0, 4)).toEqual([50, 100, 200, 400])
    expect(lines.find((l) => l.level === 'error')?.fields).toMatchObject({ code: 3, signal: null })
  })

  it('never restarts after stop(), and stops a process that ignores SIGTERM with SIGKILL', async () => {
    const { log } = captureLog()
    const stubborn = () =>
      spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], {
        stdio: 'ignore',
      })
    const supervised = superviseChild({ name: 'stubborn', start: stubborn, log, policy, stopGraceMs: 300 })
    const pid = await until(() => supervised.current()?.pid)
    await sleep(200) // let it install its SIGTERM handler
    await supervised.stop()
    expect(isProcessAlive(pid)).toBe(false)
    await sleep(200)
    expect(supervised.current()).toBeNull()
    expect(supervised.restarts()).toBe(0)
  })

  it('reports a command that cannot be spawned instead of crashing', async () => {
    const { log, lines } = captureLog()
    const supervised = superviseChild({
      name: 'missing',
      start: () => spawn('/nonexistent/policydesk-binary', [], { stdio: 'ignore' }),
      log,
      policy,
    })
    await until(() => supervised.restarts() >= 2)
    await supervised.stop()
    expect(lines.find((l) => l.level === 'error')?.fields?.error).toContain('ENOENT')
  })
})
