import { test as base, expect, type PlaywrightWorkerArgs } from '@playwright/test'
import { ChatPage } from './pages/chat-page'
import { DEMO_USERS, type DemoUser, SignInPage } from './pages/sign-in-page'

type Fixtures = {
  chat: ChatPage
  signIn: SignInPage
  /** Signs the page's browser context in through the dev sign-in API (fast path for non-UI tests). */
  signInViaApi: (user: DemoUser) => Promise<void>
}

export const test = base.extend<Fixtures>({
  chat: async ({ page }, use) => {
    await use(new ChatPage(page))
  },
  signIn: async ({ page }, use) => {
    await use(new SignInPage(page))
  },
  signInViaApi: async ({ page }, use) => {
    await use(async (user) => {
      const response = await page.request.post('/api/auth/dev-sign-in', {
        data: { email: DEMO_USERS[user].email },
      })
      expect(response.status()).toBe(200)
    })
  },
})

/** A signed-in API client (no page) for a demo user: for setup and for checking what an API returns. */
export async function apiAs(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  user: DemoUser,
) {
  const context = await playwright.request.newContext({ baseURL })
  expect(
    (await context.post('/api/auth/dev-sign-in', { data: { email: DEMO_USERS[user].email } })).status(),
  ).toBe(200)
  return context
}

export { expect }
