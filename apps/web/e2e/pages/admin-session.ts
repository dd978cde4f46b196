import { type APIRequest, type APIRequestContext, type Browser, expect, type Page } from '@playwright/test'
import { DEMO_USERS, type DemoUser } from './sign-in-page'

/** Other users acting next to the signed-in admin: an API client or a browser page of their own. */

export type Final = { text: string; abstained: boolean; citations: { title: string; documentId: string }[] }

/** Asks through the chat API as a demo user and returns the `final` event. */
export async function ask(request: APIRequestContext, question: string): Promise<Final> {
  const response = await request.post('/api/chat', { data: { message: question } })
  expect(response.status()).toBe(200)
  const body = await response.text()
  const data = body.split('event: final\ndata: ')[1]?.split('\n')[0]
  if (!data) throw new Error(`no final event in: ${body.slice(0, 300)}`)
  return JSON.parse(data) as Final
}

export async function signedInRequest(
  playwright: { request: APIRequest },
  baseURL: string | undefined,
  user: DemoUser,
) {
  const request = await playwright.request.newContext({ baseURL })
  const response = await request.post('/api/auth/dev-sign-in', { data: { email: DEMO_USERS[user].email } })
  expect(response.status()).toBe(200)
  return request
}

export async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  user: DemoUser,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  expect(
    (await page.request.post('/api/auth/dev-sign-in', { data: { email: DEMO_USERS[user].email } })).status(),
  ).toBe(200)
  return page
}
