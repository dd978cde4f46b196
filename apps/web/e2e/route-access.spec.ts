import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO_USERS } from './pages/sign-in-page'
import { ACCESS_TABLE, ROLES, type Role, type RouteCall } from './support/access-table'
import { appRoutes } from './support/app-routes'
import { buildRestrictedScenario, type Scenario, type SignedInRole } from './support/restricted-scenario'

/**
 * Every route handler and page of the app (found on disk), called as anonymous, employee, analyst, hr
 * member and admin after an hr-only document was asked about, rated, corrected citing its hr passage,
 * promoted, exported and put in a dataset: each answers the status the table expects, and no response —
 * streamed chat included — carries restricted text to a role not entitled to it.
 */

type Playwright = PlaywrightWorkerArgs['playwright']

/** Requests carry the app's own Origin, as a browser on the app would (state-changing routes check it). */
async function session(playwright: Playwright, baseURL: string, role: Role): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } })
  if (role === 'anonymous') return context
  const signIn = await context.post('/api/auth/dev-sign-in', { data: { email: DEMO_USERS[role].email } })
  expect(signIn.status(), `sign in as ${role}`).toBe(200)
  return context
}

const describeCall = (file: string, call: RouteCall, role: Role) =>
  `${call.method} ${file}${call.label ? ` (${call.label})` : ''} as ${role}`

test.describe
  .serial('route × role access', () => {
    const sessions = {} as Record<Role, APIRequestContext>
    let scenario: Scenario

    test.beforeAll(async ({ playwright, baseURL }) => {
      test.setTimeout(120_000)
      for (const role of ROLES) sessions[role] = await session(playwright, baseURL ?? '', role)
      const signedIn = sessions as Record<SignedInRole, APIRequestContext>
      // Digits only: a number in a question is a detail of the asker's situation, not a topic the documents must
      // contain, so it makes the question unique to this run without changing whether it is answerable.
      scenario = await buildRestrictedScenario(signedIn, Date.now().toString())
    })

    test.afterAll(async () => {
      for (const context of Object.values(sessions)) await context.dispose()
    })

    test('the table lists every route file and every method it exports', () => {
      const onDisk = appRoutes()
      expect(onDisk.length).toBeGreaterThan(40)
      const unlisted = onDisk.filter((r) => !(r.file in ACCESS_TABLE)).map((r) => r.file)
      expect(unlisted, 'add these routes to e2e/support/access-table').toEqual([])
      const gone = Object.keys(ACCESS_TABLE).filter((file) => !onDisk.some((r) => r.file === file))
      expect(gone, 'these table entries have no route file any more').toEqual([])
      for (const route of onDisk) {
        const listed = new Set((ACCESS_TABLE[route.file] ?? []).map((c) => c.method))
        expect([...listed].sort(), `methods of ${route.file}`).toEqual([...route.methods].sort())
      }
    })

    test('each route answers each role as expected, and restricted text only to those entitled', async ({
      playwright,
      baseURL,
    }) => {
      test.setTimeout(150_000)
      const failures: string[] = []
      let calls = 0
      for (const route of appRoutes()) {
        for (const call of ACCESS_TABLE[route.file] ?? []) {
          for (const role of ROLES) {
            const context = call.ownSession ? await session(playwright, baseURL ?? '', role) : sessions[role]
            const body = call.body?.(scenario, role)
            const response = await context.fetch(call.path(scenario, role), {
              method: call.method,
              maxRedirects: 0,
              ...(body === undefined ? {} : { data: body }),
              ...(call.headers ? { headers: call.headers } : {}),
            })
            // The whole body, a streamed one (chat SSE) to its end.
            const text = await response.text()
            if (call.ownSession) await context.dispose()
            calls++
            const where = describeCall(route.file, call, role)
            if (response.status() !== call.status[role])
              failures.push(`${where}: status ${response.status()}, expected ${call.status[role]}`)
            const shown = scenario.restricted.filter((s) => text.includes(s))
            if (shown.length > 0 && !call.mayShow?.includes(role))
              failures.push(`${where}: leaks ${shown.map((s) => JSON.stringify(s)).join(', ')}`)
            if (shown.length === 0 && call.mustShow?.includes(role))
              failures.push(`${where}: shows none of the restricted text (did the scenario reach it?)`)
          }
        }
      }
      expect(calls).toBeGreaterThan(250)
      expect(failures).toEqual([])
    })
  })
