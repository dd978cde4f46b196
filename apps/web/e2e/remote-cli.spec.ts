import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { apiAs, expect, test } from './fixtures'
import type { DemoUser } from './pages/sign-in-page'

/**
 * The CLI acting on this running server (`policydesk login --url --token`): the real binary in a child
 * process, its login saved in a throw-away XDG config dir; `ask` streams from the chat API and `ingest`
 * uploads through the admin API, each with exactly the token's user and scopes.
 */
const CLI = path.resolve(import.meta.dirname, '../../cli/bin/policydesk.mjs')
const RUN = Date.now().toString(36)

type Run = { code: number; stdout: string; stderr: string }

function cli(args: string[], configHome: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      // No database of its own: a remote command must not need one.
      {
        env: {
          ...process.env,
          XDG_CONFIG_HOME: configHome,
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

async function tokenFor(
  playwright: Parameters<typeof apiAs>[0],
  baseURL: string,
  user: DemoUser,
  scopes: string[],
): Promise<string> {
  const session = await apiAs(playwright, baseURL, user)
  const response = await session.post('/api/me/tokens', {
    data: { name: `cli ${RUN}`, scopes, expiresInDays: 1 },
  })
  expect(response.status()).toBe(201)
  const { secret } = (await response.json()) as { secret: string }
  await session.dispose()
  return secret
}

test('policydesk login, then ask and ingest act on the server as the token’s user', async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const url = baseURL ?? ''
  const home = mkdtempSync(path.join(tmpdir(), 'pd-remote-'))
  try {
    const bad = await cli(['login', '--url', url, '--token', 'pd_not-a-real-token'], home)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('answered 401')

    const admin = await tokenFor(playwright, url, 'admin', ['chat', 'documents:write'])
    const login = await cli(['login', '--url', url, '--token', admin, '--json'], home)
    expect(login.code).toBe(0)
    expect(JSON.parse(login.stdout)).toMatchObject({ url, email: 'admin@example.com', role: 'admin' })
    expect(statSync(path.join(home, 'policydesk', 'remote.json')).mode & 0o777).toBe(0o600)

    const asked = await cli(['ask', 'How much learning budget do I get each year?'], home)
    expect(asked.code).toBe(0)
    expect(asked.stdout).toMatch(/\[1\] /)
    expect(asked.stdout).toContain('EUR')
    const onlyLocal = await cli(['ask', 'Anything?', '--as', 'hr@example.com'], home)
    expect(onlyLocal.code).toBe(1)
    expect(onlyLocal.stderr).toContain('--as and --doc work on this machine only')

    const dir = mkdtempSync(path.join(tmpdir(), 'pd-remote-docs-'))
    writeFileSync(
      path.join(dir, `remote-cli-${RUN}.md`),
      `# Bicycle storage ${RUN}\n\nBicycles are stored in the basement room B2, open from 07:00 to 21:00.\n`,
    )
    writeFileSync(path.join(dir, 'empty.md'), '')
    const ingested = await cli(['ingest', dir, '--wait', '--json'], home)
    const reports = ingested.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const byFile = Object.fromEntries(reports.map((r) => [path.basename(String(r.path)), r]))
    expect(byFile[`remote-cli-${RUN}.md`]).toMatchObject({ status: 'ready' })
    expect(byFile['empty.md']).toMatchObject({ status: 'failed', error: expect.stringContaining('empty') })
    expect(ingested.code).toBe(1)
    rmSync(dir, { recursive: true, force: true })

    const found = await cli(['ask', `Where are bicycles stored (${RUN})?`, '--json'], home)
    expect(JSON.parse(found.stdout)).toMatchObject({ abstained: false, text: expect.stringContaining('B2') })

    // An employee's chat-only token: asking works, uploading is refused with the missing scope.
    const employee = await tokenFor(playwright, url, 'employee', ['chat'])
    expect((await cli(['login', '--url', url, '--token', employee], home)).code).toBe(0)
    const refused = await cli(
      ['ingest', path.resolve(import.meta.dirname, '../../../samples/policies')],
      home,
    )
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/answered 403/)

    const logout = await cli(['logout', '--json'], home)
    expect(JSON.parse(logout.stdout)).toMatchObject({ loggedOut: true, url })
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
})
