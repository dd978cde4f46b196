import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sleep } from '@policydesk/runtime'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './testing/run-cli'

const dirs: string[] = []
const freshDataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pd-launch-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('one owner per data dir', () => {
  it('commands started at the same moment share one embedded database instead of corrupting it', async () => {
    const dataDir = freshDataDir()
    const env = {
      POLICYDESK_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      POLICYDESK_JOBS: 'inline',
      POLICYDESK_DB_IDLE_MS: '1500',
    }
    const runs = await Promise.all([
      runCli(['db', 'migrate'], env),
      runCli(['db', 'migrate'], env),
      runCli(['db', 'migrate'], env),
    ])
    for (const run of runs) expect(run.stderr).toBe('')
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0])
    // One daemon served all three; idle, it exits and removes its state file. The data survives.
    for (let i = 0; i < 100 && existsSync(path.join(dataDir, 'pg.json')); i++) await sleep(100)
    expect(existsSync(path.join(dataDir, 'pg.json'))).toBe(false)
    expect((await runCli(['documents', 'list', '--json'], env)).code).toBe(0)
  }, 300_000)

  it('a second `start` on a data dir that is in use fails with a clear message', async () => {
    const dataDir = freshDataDir()
    const env = { POLICYDESK_DATA_DIR: dataDir, DATABASE_URL: undefined }
    // Claim the data dir the way a running `policydesk start` does.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "const { claimServiceState, dataDir } = await import('@policydesk/runtime'); claimServiceState(dataDir() + '/app.json'); console.log('holding'); setInterval(() => {}, 1000)",
      ],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      await new Promise<void>((resolve) =>
        holder.stdout?.on('data', (d: Buffer) => d.toString().includes('holding') && resolve()),
      )
      const second = await runCli(['start'], { ...env, PORT: '39999' })
      expect(second.code).toBe(1)
      expect(second.stderr).toContain(`Policy Desk is already running on ${dataDir} (pid ${holder.pid})`)
    } finally {
      holder.kill('SIGKILL')
      await sleep(200)
    }
    // The holder died without cleaning up: its stale claim does not block the next start.
    expect(existsSync(path.join(dataDir, 'app.json'))).toBe(true)
    const { claimServiceState } = await import('@policydesk/runtime')
    expect(claimServiceState(path.join(dataDir, 'app.json'))).toBe(true)
  }, 300_000)
})
