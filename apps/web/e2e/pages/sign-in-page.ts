import { expect, type Page } from '@playwright/test'

export type DemoUser = 'employee' | 'admin' | 'analyst' | 'hr' | 'berlin'

export const DEMO_USERS: Record<DemoUser, { email: string; name: string }> = {
  employee: { email: 'employee@example.com', name: 'Emma Employee' },
  admin: { email: 'admin@example.com', name: 'Adam Admin' },
  analyst: { email: 'analyst@example.com', name: 'Ana Analyst' },
  hr: { email: 'hr@example.com', name: 'Harper HR' },
  /** An employee in Berlin (DE); `employee` is in Lisbon (PT): profile-aware answers differ (profiles.spec.ts). */
  berlin: { email: 'berlin@example.com', name: 'Ben Berlin' },
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/sign-in')
  }

  /** The real UI path: click the user's button on the dev sign-in page. */
  async signInAs(user: DemoUser) {
    await this.goto()
    await this.page.getByRole('button', { name: new RegExp(`Sign in as ${DEMO_USERS[user].name}`) }).click()
    await expect(this.page).toHaveURL(/\/$/)
  }
}
