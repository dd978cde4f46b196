import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { APIRequestContext } from '@playwright/test'
import { apiAs, expect, test } from './fixtures'
import { fillPattern, listApiRoutes } from './support/api-routes'

/** The attacker: a page on another port of the same machine (same-site, so cookies flow). */
const EVIL = 'http://localhost:8081'
const crossSite = { Origin: EVIL }
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

type AdminUser = { id: string; email: string; groups: { id: string; name: string }[] }

async function usersOf(admin: APIRequestContext): Promise<AdminUser[]> {
  return ((await (await admin.get('/api/admin/users')).json()) as { users: AdminUser[] }).users
}

async function idsFor(admin: APIRequestContext) {
  const users = await usersOf(admin)
  const groups = (
    (await (await admin.get('/api/admin/groups')).json()) as { groups: { id: string; name: string }[] }
  ).groups
  const employee = users.find((u) => u.email === 'employee@example.com')
  const hr = groups.find((g) => g.name === 'hr')
  if (!employee || !hr) throw new Error('demo users/groups missing')
  return { employeeId: employee.id, hrId: hr.id }
}

async function groupsOfEmployee(admin: APIRequestContext): Promise<string[]> {
  return (
    (await usersOf(admin)).find((u) => u.email === 'employee@example.com')?.groups.map((g) => g.name) ?? []
  )
}

test.describe('CSRF: state-changing requests must come from the app itself', () => {
  test('every POST/PUT/PATCH/DELETE route refuses a cross-site request before doing anything', async ({
    playwright,
    baseURL,
  }) => {
    const admin = await apiAs(playwright, baseURL, 'admin')
    const routes = listApiRoutes().flatMap((r) =>
      r.methods
        .filter((m) => !['GET', 'HEAD'].includes(m))
        .map((method) => ({ method, path: fillPattern(r.pattern, UNKNOWN_ID) })),
    )
    expect(routes.length).toBeGreaterThan(15)
    for (const { method, path } of routes) {
      const response = await admin.fetch(path, { method, headers: crossSite, data: '{}' })
      expect(response.status(), `${method} ${path}`).toBe(403)
      expect(((await response.json()) as { error: string }).error).toContain('Cross-site request refused')
    }
    await admin.dispose()
  })

  test('the issue’s request (text/plain;application/json) and the other CORS-safelisted types: 403, no change', async ({
    playwright,
    baseURL,
  }) => {
    const admin = await apiAs(playwright, baseURL, 'admin')
    const { employeeId, hrId } = await idsFor(admin)
    const path = `/api/admin/users/${employeeId}/groups`
    const attempts: Parameters<APIRequestContext['post']>[1][] = [
      {
        headers: { ...crossSite, 'Content-Type': 'text/plain;application/json' },
        data: JSON.stringify({ groupId: hrId }),
      },
      { headers: crossSite, form: { groupId: hrId } },
      { headers: crossSite, multipart: { groupId: hrId } },
      // No Origin, but the browser says the request is same-site (another port): refused as well.
      {
        headers: { 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'application/json' },
        data: { groupId: hrId },
      },
    ]
    for (const attempt of attempts) {
      const response = await admin.post(path, attempt)
      expect(response.status(), JSON.stringify(attempt?.headers)).toBe(403)
    }
    expect(await groupsOfEmployee(admin)).not.toContain('hr')
    await admin.dispose()
  })

  test('a real cross-site HTML form in Chromium, with the admin’s cookie attached, is refused', async ({
    page,
    signInViaApi,
    playwright,
    baseURL,
  }) => {
    await signInViaApi('admin')
    const admin = await apiAs(playwright, baseURL, 'admin')
    const { employeeId, hrId } = await idsFor(admin)
    // The attacker's page: same host, another port, so SameSite=Lax still sends the session cookie.
    const target = new URL(`/api/admin/users/${employeeId}/groups`, baseURL).toString()
    const attacker: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html')
      res.end(`<form method="post" enctype="text/plain" action="${target}">
        <input name='{"groupId":"${hrId}","x":"' value='"}'></form>
        <script>document.forms[0].submit()</script>`)
    })
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
    try {
      const port = (attacker.address() as AddressInfo).port
      const submitted = page.waitForResponse((r) => r.url() === target && r.request().method() === 'POST')
      await page.goto(`http://127.0.0.1:${port}/`)
      const response = await submitted
      expect((await response.request().allHeaders()).cookie).toContain('policydesk_session')
      expect(response.status()).toBe(403)
    } finally {
      attacker.close()
    }
    expect(await groupsOfEmployee(admin)).not.toContain('hr')
    await admin.dispose()
  })

  test('body-less requests: cross-site 403 and nothing changes; same-origin works', async ({
    playwright,
    baseURL,
  }) => {
    const sameOrigin = { Origin: new URL(baseURL ?? '').origin }
    const admin = await apiAs(playwright, baseURL, 'admin')
    const { employeeId } = await idsFor(admin)
    const probe = await admin.post('/api/admin/groups', {
      headers: sameOrigin,
      data: { name: `csrf-probe-${Date.now()}` },
    })
    expect(probe.status()).toBe(201)
    const probeId = ((await probe.json()) as { id: string }).id

    // Membership: add (same-origin works), then a cross-site DELETE (no body) must not remove it.
    expect(
      (
        await admin.post(`/api/admin/users/${employeeId}/groups`, {
          headers: sameOrigin,
          data: { groupId: probeId },
        })
      ).status(),
    ).toBe(201)
    const membership = `/api/admin/users/${employeeId}/groups/${probeId}`
    expect((await admin.delete(membership, { headers: crossSite })).status()).toBe(403)
    expect((await usersOf(admin)).find((u) => u.id === employeeId)?.groups.map((g) => g.id)).toContain(
      probeId,
    )
    expect((await admin.delete(membership, { headers: sameOrigin })).status()).toBe(204)

    // Promote (no body at all): a corrected answer, promoted cross-site → 403 and no curated answer.
    const employee = await apiAs(playwright, baseURL, 'employee')
    const tag = `csrf probe ${Date.now()}`
    const question = `Who has to approve an expense claim of EUR 4,000? (${tag})`
    const chat = await (await employee.post('/api/chat', { data: { message: question } })).text()
    const traceId = (
      JSON.parse(chat.split('event: final\ndata: ')[1]?.split('\n')[0] ?? '{}') as { traceId?: string }
    ).traceId
    expect(traceId).toBeTruthy()
    const analyst = await apiAs(playwright, baseURL, 'analyst')
    const detail = (await (await analyst.get(`/api/review/answers/${traceId}`)).json()) as {
      answer: { candidates: { chunkId: string; readable: boolean }[] }
    }
    const cited = detail.answer.candidates.find((c) => c.readable)?.chunkId
    expect(cited).toBeTruthy()
    const review = await analyst.put(`/api/review/answers/${traceId}/review`, {
      headers: sameOrigin,
      data: {
        verdict: 'corrected',
        correctedAnswer: 'A department head approves expense claims of this size [1].',
        citedChunkIds: [cited],
      },
    })
    expect(review.status(), await review.text()).toBe(200)
    const curatedCount = async () =>
      (
        (await (await analyst.get('/api/review/curated')).json()) as { curated: { question: string }[] }
      ).curated.filter((c) => c.question.toLowerCase().includes(tag)).length
    const forged = await analyst.post(`/api/review/answers/${traceId}/promote`, { headers: crossSite })
    expect(forged.status()).toBe(403)
    expect(await curatedCount()).toBe(0)
    const promoted = await analyst.post(`/api/review/answers/${traceId}/promote`, { headers: sameOrigin })
    expect(promoted.status(), await promoted.text()).toBe(201)
    expect(await curatedCount()).toBe(1)
    for (const context of [admin, employee, analyst]) await context.dispose()
  })

  test('clients that send no Origin and no Sec-Fetch-Site (curl, the CLI) are not browsers and may change things', async ({
    playwright,
    baseURL,
  }) => {
    const employee = await apiAs(playwright, baseURL, 'employee')
    const created = await employee.post('/api/conversations', { data: { title: 'from a script' } })
    expect(created.status()).toBe(201)
    await employee.dispose()
  })
})
