import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect, test } from './fixtures'

const webDir = path.resolve(import.meta.dirname, '..')

/** `next start` on the e2e build with `env`: how it ended and what it printed, or 'running' once it answers. */
function startWeb(env: Record<string, string>): Promise<{ code: number | null | 'running'; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(webDir, '../../node_modules/.bin/next'),
      ['start', '-p', '3197', '-H', '127.0.0.1'],
      {
        cwd: webDir,
        env: { ...process.env, POLICYDESK_LOG_LEVEL: 'info', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    const timer = setInterval(async () => {
      const answered = await fetch('http://127.0.0.1:3197/api/health').then(
        () => true,
        () => false,
      )
      if (!answered) return
      clearInterval(timer)
      child.kill('SIGTERM')
      resolve({ code: 'running', stderr })
    }, 300)
    child.on('exit', (code) => {
      clearInterval(timer)
      resolve({ code, stderr })
    })
  })
}

test.describe('the web server refuses to start with an unsafe sign-in configuration (instrumentation.ts)', () => {
  test('production with the .env.example placeholder secret', async () => {
    const run = await startWeb({
      NODE_ENV: 'production',
      AUTH_MODE: 'oidc',
      AUTH_SECRET: 'replace-me-with-the-output-of-openssl-rand-base64-32',
      DATABASE_URL: 'postgres://policydesk:pw@127.0.0.1:1/policydesk',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'refusing to start: AUTH_SECRET is the placeholder from the example configuration',
    )
  })

  test('a secret shorter than 32 bytes', async () => {
    const run = await startWeb({ AUTH_MODE: 'oidc', AUTH_SECRET: 'short-secret' })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('AUTH_SECRET is 12 bytes long; it needs at least 32')
  })

  test('dev sign-in against a remote database, unless explicitly allowed', async () => {
    const remote = {
      AUTH_MODE: 'dev',
      AUTH_DEV_ALLOW_IN_PRODUCTION: 'true',
      DATABASE_URL: 'postgres://policydesk:pw@db.internal.example:5432/policydesk',
    }
    const refused = await startWeb(remote)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('ALLOW_DEV_AUTH_WITH_REMOTE_DB=1')
    const allowed = await startWeb({ ...remote, ALLOW_DEV_AUTH_WITH_REMOTE_DB: '1' })
    expect(allowed.code).toBe('running')
  })
})
