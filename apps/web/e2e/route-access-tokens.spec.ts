import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO_USERS } from './pages/sign-in-page'
import { ACCESS_TABLE, type Role } from './support/access-table'
import { TOKEN_ROUTES, tokenStatus } from './support/access-table/tokens'
import { appRoutes } from './support/app-routes'
import { buildRestrictedScenario, type Scenario, type SignedInRole } from './support/restricted-scenario'

/**
 * The route × role table again, with API tokens instead of sessions: each role's token (every scope its
 * role can use, no cookie) gets exactly what its session gets from routes that take tokens, a 403 from
 * routes that need a session, a visitor's answer from pages — and never restricted text it is not entitled
 * to. Then scopes, revocation, bad tokens and the CSRF exemption, against the real server.
 */

type Playwright = PlaywrightWorkerArgs['playwright']
const TOKEN_ROLES = ['employee', 'analyst', 'hr', 'admin'] as const satisfies readonly SignedInRole[]

async function session(playwright: Playwright, baseURL: string, role: SignedInRole) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } })
  const signIn = await context.post('/api/auth/dev-sign-in', { data: { email: DEMO_USERS[role].email } })
  expect(signIn.status(), `sign in as ${role}`).toBe(200)
  return context
}

async function mint(
  as: APIRequestContext,
  scopes?: string[],
  name = 'route-access',
): Promise<{ id: string; secret: string }> {
  const offered = ((await (await as.get('/api/me/tokens')).json()) as { scopes: string[] }).scopes
  const response = await as.post('/api/me/tokens', {
    data: { name, scopes: scopes ?? offered, expiresInDays: 1 },
  })
  expect(response.status(), await response.text()).toBe(201)
  const body = (await response.json()) as { token: { id: string }; secret: string }
  return { id: body.token.id, secret: body.secret }
}

const bearer = (
  playwright: Playwright,
  baseURL: string,
  secret: string,
  headers: Record<string, string> = {},
) =>
  playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${secret}`, ...headers },
  })

test.describe
  .serial('route × role access with API tokens', () => {
    const sessions = {} as Record<SignedInRole, APIRequestContext>
    const tokens = {} as Record<SignedInRole, APIRequestContext>
    let scenario: Scenario

    test.beforeAll(async ({ playwright, baseURL }) => {
      test.setTimeout(120_000)
      for (const role of TOKEN_ROLES) sessions[role] = await session(playwright, baseURL ?? '', role)
      scenario = await buildRestrictedScenario(sessions, `${Date.now()}1`)
      for (const role of TOKEN_ROLES)
        tokens[role] = await bearer(playwright, baseURL ?? '', (await mint(sessions[role])).secret)
    })

    test.afterAll(async () => {
      for (const context of [...Object.values(sessions), ...Object.values(tokens)]) await context.dispose()
    })

    test('every call that takes tokens is in the access table', () => {
      const calls = new Set(
        Object.entries(ACCESS_TABLE).flatMap(([file, list]) => list.map((call) => `${call.method} ${file}`)),
      )
      expect(Object.keys(TOKEN_ROUTES).filter((key) => !calls.has(key))).toEqual([])
    })

    test('a token answers as its session where tokens are taken, and leaks nothing', async () => {
      test.setTimeout(150_000)
      const failures: string[] = []
      let calls = 0
      for (const route of appRoutes()) {
        for (const call of ACCESS_TABLE[route.file] ?? []) {
          for (const role of TOKEN_ROLES) {
            const body = call.body?.(scenario, role as Role)
            const response = await tokens[role].fetch(call.path(scenario, role), {
              method: call.method,
              maxRedirects: 0,
              ...(body === undefined ? {} : { data: body }),
              ...(call.headers ? { headers: call.headers } : {}),
            })
            const text = await response.text()
            calls++
            const where = `${call.method} ${route.file}${call.label ? ` (${call.label})` : ''} with ${role}'s token`
            const expected = tokenStatus(route.file, call, role)
            if (response.status() !== expected)
              failures.push(
                `${where}: status ${response.status()}, expected ${expected} — ${text.slice(0, 160)}`,
              )
            const shown = scenario.restricted.filter((s) => text.includes(s))
            if (shown.length > 0 && !call.mayShow?.includes(role))
              failures.push(`${where}: leaks ${shown.map((s) => JSON.stringify(s)).join(', ')}`)
            if (
              shown.length === 0 &&
              call.mustShow?.includes(role) &&
              !route.file.endsWith('page.tsx') &&
              expected === call.status[role]
            )
              failures.push(`${where}: shows none of the restricted text (did the scenario reach it?)`)
          }
        }
      }
      expect(calls).toBeGreaterThan(200)
      expect(failures).toEqual([])
    })

    test('an employee token never finds the hr-only document; an hr token does', async () => {
      const question = encodeURIComponent('What is the Lisbon salary band of an L3 Senior engineer?')
      const titles = async (context: APIRequestContext) => {
        const response = await context.get(`/api/search?q=${question}&k=20`)
        expect(response.status()).toBe(200)
        return ((await response.json()) as { passages: { title: string }[] }).passages.map((p) => p.title)
      }
      expect((await titles(tokens.employee)).some((t) => t.startsWith('Compensation Bands'))).toBe(false)
      expect((await titles(tokens.hr)).some((t) => t.startsWith('Compensation Bands'))).toBe(true)
      const text = await tokens.employee.get(`/api/documents/${scenario.ids.hrDocument}/text`)
      expect(text.status()).toBe(404)
    })

    test('scopes only narrow: out of scope is a 403 naming the scope', async ({ playwright, baseURL }) => {
      const searchOnly = await bearer(
        playwright,
        baseURL ?? '',
        (await mint(sessions.analyst, ['search'])).secret,
      )
      const chat = await searchOnly.post('/api/chat', {
        data: { message: 'How many days of leave do I get?' },
      })
      expect(chat.status()).toBe(403)
      expect(((await chat.json()) as { error: string }).error).toContain(
        'lacks the scope this request needs (chat)',
      )
      expect(chat.headers()['www-authenticate']).toContain('insufficient_scope')
      expect((await searchOnly.get('/api/review/answers')).status()).toBe(403)
      expect((await searchOnly.get('/api/search?q=leave')).status()).toBe(200)
      const me = (await (await searchOnly.get('/api/me')).json()) as { user: { email: string } }
      expect(me.user.email).toBe(DEMO_USERS.analyst.email)
      // Tokens never manage tokens.
      expect((await searchOnly.get('/api/me/tokens')).status()).toBe(403)
      // An employee cannot even ask for a scope their role cannot use.
      const refused = await sessions.employee.post('/api/me/tokens', {
        data: { name: 'x', scopes: ['review:read'] },
      })
      expect(refused.status()).toBe(422)
      await searchOnly.dispose()
    })

    test('bad and revoked tokens are 401s; revocation applies at once', async ({ playwright, baseURL }) => {
      const url = baseURL ?? ''
      for (const secret of ['pd_nope', `pd_${'A'.repeat(43)}`]) {
        const bad = await bearer(playwright, url, secret)
        const response = await bad.get('/api/me')
        expect(response.status(), secret).toBe(401)
        expect(response.headers()['www-authenticate']).toContain('invalid_token')
        await bad.dispose()
      }
      const minted = await mint(sessions.employee, ['chat'], 'to revoke')
      const client = await bearer(playwright, url, minted.secret)
      expect((await client.get('/api/conversations')).status()).toBe(200)
      // Someone else's token is not found; the owner's revocation works.
      expect((await sessions.analyst.delete(`/api/me/tokens/${minted.id}`)).status()).toBe(404)
      expect((await sessions.employee.delete(`/api/me/tokens/${minted.id}`)).status()).toBe(204)
      const after = await client.get('/api/conversations')
      expect(after.status()).toBe(401)
      expect(((await after.json()) as { error: string }).error).toContain('revoked')
      const listed = (await (await sessions.employee.get('/api/me/tokens')).json()) as {
        tokens: { id: string; status: string; lastUsedAt: string | null }[]
      }
      expect(listed.tokens.find((t) => t.id === minted.id)).toMatchObject({ status: 'revoked' })
      expect(listed.tokens.find((t) => t.id === minted.id)?.lastUsedAt).not.toBeNull()
      const audit = (await (await sessions.admin.get('/api/admin/audit?action=token.revoke')).json()) as {
        entries: { targetId: string }[]
      }
      expect(audit.entries.some((e) => e.targetId === minted.id)).toBe(true)
      await client.dispose()
    })

    test('admins issue service tokens for an account; they act as it', async ({ playwright, baseURL }) => {
      const created = await sessions.admin.post('/api/admin/tokens', {
        data: { userId: scenario.ids.employeeUser, name: 'slack bot', scopes: ['search'], expiresInDays: 7 },
      })
      expect(created.status()).toBe(201)
      const { secret, token } = (await created.json()) as {
        secret: string
        token: { id: string; kind: string }
      }
      expect(token.kind).toBe('service')
      const bot = await bearer(playwright, baseURL ?? '', secret)
      const me = (await (await bot.get('/api/me')).json()) as { user: { email: string } }
      expect(me.user.email).toBe(DEMO_USERS.employee.email)
      const all = (await (await sessions.admin.get('/api/admin/tokens')).json()) as {
        tokens: { id: string }[]
      }
      expect(all.tokens.some((t) => t.id === token.id)).toBe(true)
      expect(JSON.stringify(all)).not.toContain(secret)
      expect((await sessions.admin.delete(`/api/admin/tokens/${token.id}`)).status()).toBe(204)
      expect((await bot.get('/api/me')).status()).toBe(401)
      await bot.dispose()
    })

    test('a cookieless token request skips the same-origin check; one with a cookie does not', async ({
      playwright,
      baseURL,
    }) => {
      const url = baseURL ?? ''
      const { secret } = await mint(sessions.employee, ['chat'], 'csrf')
      const crossSite = { Origin: 'http://localhost:8081', 'Sec-Fetch-Site': 'cross-site' }
      const script = await bearer(playwright, url, secret, crossSite)
      const made = await script.post('/api/conversations', { data: { title: 'From a script' } })
      expect(made.status()).toBe(201)
      // The same request riding on a session cookie is refused before anything else.
      const withCookie = await session(playwright, url, 'employee')
      const refused = await withCookie.post('/api/conversations', {
        data: { title: 'Forged' },
        headers: { Authorization: `Bearer ${secret}`, ...crossSite },
      })
      expect(refused.status()).toBe(403)
      expect(((await refused.json()) as { error: string }).error).toContain('Cross-site request refused')
      await script.dispose()
      await withCookie.dispose()
    })
  })
