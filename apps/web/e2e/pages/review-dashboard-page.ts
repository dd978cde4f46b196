import { expect, type Page } from '@playwright/test'

/** /review/dashboard: stat tiles, charts, coverage gaps. */
export class ReviewDashboardPage {
  constructor(private readonly page: Page) {}

  async goto(range = '7d') {
    const response = await this.page.goto(`/review/dashboard?range=${range}`)
    expect(response?.status()).toBe(200)
  }

  /** A tile's main number, as an integer (thousands separators removed). */
  async number(testId: string): Promise<number> {
    const text = ((await this.page.getByTestId(testId).textContent()) ?? '').replace(/[,\s]/g, '')
    return Number(text)
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
