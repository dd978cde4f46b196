import { test as base, expect } from '@playwright/test'
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

export { expect }
