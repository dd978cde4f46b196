import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli'

const dirs: string[] = []
const freshDataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pd-start-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** The real `policydesk start` process, stopped by its own checks before it would serve anything. */
describe('policydesk start refuses unsafe sign-in configurations', () => {
  it('dev sign-in against a database on another machine: exit 1, nothing started', async () => {
    const run = await runCli(['start'], {
      POLICYDESK_DATA_DIR: freshDataDir(),
      AUTH_MODE: undefined,
      DATABASE_URL: 'postgres://policydesk:pw@db.internal.example:5432/policydesk',
      PORT: '39991',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('refuses to run against a database that is not on this machine')
    expect(run.stderr).toContain('ALLOW_DEV_AUTH_WITH_REMOTE_DB=1')
  })

  it('a placeholder AUTH_SECRET with OIDC: exit 1 with the reason', async () => {
    const run = await runCli(['start'], {
      POLICYDESK_DATA_DIR: freshDataDir(),
      AUTH_MODE: 'oidc',
      AUTH_SECRET: 'replace-me-with-the-output-of-openssl-rand-base64-32',
      PORT: '39992',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('AUTH_SECRET is the placeholder from the example configuration')
  })

  it('a short AUTH_SECRET: exit 1 with its length', async () => {
    const run = await runCli(['start'], {
      POLICYDESK_DATA_DIR: freshDataDir(),
      AUTH_SECRET: 'hunter2',
      PORT: '39993',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('AUTH_SECRET is 7 bytes long; it needs at least 32')
  })

  it('dev sign-in on every interface: the loud warning comes first, on every start', async () => {
    // An unreachable local database ends the start right after the warning, before anything is served.
    const run = await runCli(['start'], {
      POLICYDESK_DATA_DIR: freshDataDir(),
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://policydesk:pw@127.0.0.1:1/policydesk',
      POLICYDESK_JOBS: 'inline',
      PORT: '39994',
    })
    expect(run.code).not.toBe(0)
    expect(run.stderr).toMatch(/!{100}\nDev sign-in is listening on every network interface/)
  })
})
